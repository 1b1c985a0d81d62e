/**
 * The adapter for Lambda@Edge's Node.js runtime: the same routing core compiled to JavaScript
 * by TeaVM, with S3 existence checks, presigning and AssumeRole done over Node's own
 * {@code https}, signed by {@link dev.registryedge.handler.sigv4}.
 */
package dev.registryedge.handler.edge;
