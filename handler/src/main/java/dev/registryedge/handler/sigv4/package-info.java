/**
 * AWS Signature Version 4 in plain Java (SHA-256, HMAC, canonical requests, presigned S3
 * URLs), for the JavaScript build where neither the AWS SDK nor {@code javax.crypto} exists.
 * It runs on the JVM too, where tests hold it against the SDK's own presigner.
 */
package dev.registryedge.handler.sigv4;
