/**
 * Test support of the function shared with the cli and it modules: in-memory stand-ins for the
 * core's interfaces (S3, clock, decision log), the sample events, and the AWS SDK's presigned
 * URLs for a table of inputs.
 */
package dev.registryedge.handler.testing;
