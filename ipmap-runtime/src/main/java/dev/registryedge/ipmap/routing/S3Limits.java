package dev.registryedge.ipmap.routing;

/**
 * Time limits for the S3 calls made while deciding, which must end well inside
 * Lambda@Edge's 5 s viewer-request timeout.
 *
 * @param connectTimeoutMillis limit on opening one connection
 * @param requestTimeoutMillis limit on one existence check, connection included
 * @param budgetMillis limit on all existence checks of one request together
 */
public record S3Limits(int connectTimeoutMillis, int requestTimeoutMillis, int budgetMillis) {}
