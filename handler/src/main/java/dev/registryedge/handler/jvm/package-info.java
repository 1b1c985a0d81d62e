/**
 * The adapter for the Lambda Java runtime: event maps in and out, S3 existence checks and
 * presigning with the AWS SDK for Java v2, and role credentials that are refreshed in time.
 */
package dev.registryedge.handler.jvm;
