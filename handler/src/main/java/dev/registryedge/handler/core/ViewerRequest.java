package dev.registryedge.handler.core;

/**
 * The facts of a CloudFront request the decision needs. Any of them may be {@code null} when
 * the event lacks it.
 *
 * @param eventType the trigger the function runs as ({@code Records[0].cf.config.eventType});
 *     only {@value #VIEWER_REQUEST} may be answered with a redirect
 * @param distributionId the distribution the request came through
 * @param clientIp the viewer's address literal
 * @param method the HTTP method
 * @param uri the path, with its leading slash
 * @param userAgent the first {@code user-agent} header value
 * @param requestId CloudFront's id of the request ({@code Records[0].cf.config.requestId}, the
 *     logs' {@code x-edge-request-id}), so a decision can be matched with its log line
 */
public record ViewerRequest(String eventType, String distributionId, String clientIp, String method, String uri,
        String userAgent, String requestId) {

    public static final String VIEWER_REQUEST = "viewer-request";

    /** A request whose id is not known. */
    public ViewerRequest(String eventType, String distributionId, String clientIp, String method, String uri,
            String userAgent) {
        this(eventType, distributionId, clientIp, method, uri, userAgent, null);
    }

    /** A viewer request, as CloudFront sends it to a function associated for viewer requests. */
    public ViewerRequest(String distributionId, String clientIp, String method, String uri, String userAgent) {
        this(VIEWER_REQUEST, distributionId, clientIp, method, uri, userAgent);
    }
}
