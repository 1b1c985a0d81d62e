package dev.registryedge.handler.core;

import java.util.List;

/**
 * The viewer-request response for a redirect, as both adapters render it: status 307 with the
 * presigned URL, no caching, and the route taken.
 */
public final class Redirect {

    public static final String STATUS = "307";
    public static final String STATUS_DESCRIPTION = "CostManagementRedirect";
    /**
     * The longest presigned URL a redirect carries. Lambda@Edge refuses a generated
     * viewer-request response over 40 KB (and CloudFront then answers the client with an error);
     * a URL is about 1.5 KB with an assumed role's session token, so a longer one means keys that
     * are not what they should be, and the target is unusable like any that cannot be signed for.
     */
    public static final int MAX_LOCATION_CHARS = 16_384;

    /** One response header: CloudFront wants the lower-case name and the header as sent. */
    public record Header(String name, String key, String value) {}

    private Redirect() {}

    public static List<Header> headers(Decision decision) {
        return List.of(
                new Header("location", "Location", decision.location()),
                new Header("cache-control", "Cache-Control", "no-store"),
                new Header("x-registry-edge-route", "X-Registry-Edge-Route", decision.routeDescription()));
    }
}
