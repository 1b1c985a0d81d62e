package dev.registryedge.handler.core;

/**
 * What the function reads from a CloudFront event and what it answers, for both builds: the
 * facts of {@code Records[0].cf}, the object CloudFront gets back when it is to serve, and the
 * 307 response.
 *
 * @param <N> the platform's type for a node of the event
 * @param request the facts the router needs, or {@code null} when the event has no request
 * @param unchanged what goes back to let CloudFront serve: the response for a response trigger
 *     (a misassociated function must not turn every response into an error), else the request;
 *     {@code null} when the event has neither
 */
public record CloudFrontEvent<N>(ViewerRequest request, N unchanged) {

    public static <N> CloudFrontEvent<N> read(N event, EventTree<N> tree) {
        N cf = tree.member(tree.item(tree.member(event, "Records"), 0), "cf");
        N request = object(tree, tree.member(cf, "request"));
        N response = object(tree, tree.member(cf, "response"));
        if (request == null) {
            return new CloudFrontEvent<>(null, response);
        }
        N config = tree.member(cf, "config");
        N userAgent = tree.item(tree.member(tree.member(request, "headers"), "user-agent"), 0);
        ViewerRequest facts = new ViewerRequest(tree.text(tree.member(config, "eventType")),
                tree.text(tree.member(config, "distributionId")), tree.text(tree.member(request, "clientIp")),
                tree.text(tree.member(request, "method")), tree.text(tree.member(request, "uri")),
                tree.text(tree.member(userAgent, "value")), tree.text(tree.member(config, "requestId")));
        return new CloudFrontEvent<>(facts, response != null ? response : request);
    }

    private static <N> N object(EventTree<N> tree, N node) {
        return node != null && tree.isObject(node) ? node : null;
    }

    /**
     * The generated viewer-request response for a redirect: status 307 with the presigned URL,
     * no caching, and the route taken, each header as CloudFront wants it (lower-case name, then
     * a list of {@code {key, value}}).
     */
    public static <N> N redirect(Decision decision, EventTree<N> tree) {
        return tree.response(Redirect.STATUS, Redirect.STATUS_DESCRIPTION, Redirect.headers(decision));
    }
}
