package dev.registryedge.handler.core;

import java.util.List;

/**
 * The viewer-request response for a redirect, as both adapters render it: status 307 with the
 * presigned URL, no caching, and the route taken.
 */
public final class Redirect {

    public static final String STATUS = "307";
    public static final String STATUS_DESCRIPTION = "CostManagementRedirect";

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
