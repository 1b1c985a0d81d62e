package dev.registryedge.handler.core;

/**
 * The facts of a CloudFront viewer request the decision needs. Any of them may be
 * {@code null} when the event lacks it.
 *
 * @param distributionId the distribution the request came through
 * @param clientIp the viewer's address literal
 * @param method the HTTP method
 * @param uri the path, with its leading slash
 * @param userAgent the first {@code user-agent} header value
 */
public record ViewerRequest(String distributionId, String clientIp, String method, String uri, String userAgent) {}
