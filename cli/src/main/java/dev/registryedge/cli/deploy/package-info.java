/**
 * Operating the deployed function: uploading and publishing it in us-east-1, moving each
 * distribution's viewer-request association on the blob cache behaviour, the emergency switch,
 * rollback and status, over the AWS SDK's Lambda and CloudFront clients.
 */
package dev.registryedge.cli.deploy;
