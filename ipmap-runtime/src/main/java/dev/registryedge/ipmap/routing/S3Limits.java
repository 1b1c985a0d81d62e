package dev.registryedge.ipmap.routing;

/**
 * Time limits for the network calls made while deciding one request. The handler sets one
 * deadline per request, {@code budgetMillis} after the request arrives, and cuts every network
 * call of that request to it: STS AssumeRole, each HeadObject, any retry. So the network
 * waiting of a request is at most {@code budgetMillis}, whatever the number of calls.
 *
 * <p>The plugin enforces {@code connectTimeoutMillis <= requestTimeoutMillis <= budgetMillis
 * <= 3000}: Lambda@Edge ends a viewer-request function at 5 s (CloudFront then answers the
 * client with an error), and the remaining 2 s are kept for a cold start, CPU and timer
 * lateness.
 *
 * @param connectTimeoutMillis the most one call may spend opening its connection
 * @param requestTimeoutMillis the most one call may take, connection included (less when the
 *     request's deadline comes first)
 * @param budgetMillis the time from the request's arrival to its deadline, which ends every
 *     network call of the request
 */
public record S3Limits(int connectTimeoutMillis, int requestTimeoutMillis, int budgetMillis) {}
