/**
 * The adapter for the Lambda Java runtime: event maps in and out, S3 existence checks,
 * presigning and AssumeRole with the AWS SDK for Java v2.
 */
package dev.registryedge.handler.jvm;
