package dev.registryedge.handler.core;

import java.util.Set;

/**
 * What a {@code debugregistry...} user agent asks for: {@code debugregistry/cloudfront}
 * (pass through), {@code debugregistry/local} (the distribution's own bucket),
 * {@code debugregistry/<region>} (act as if the client were there, for a region the IP map
 * knows); any other {@code debugregistry} value only turns on verbose logging.
 *
 * @param kind which of these
 * @param region the region named, for {@link Kind#REGION}
 */
public record DebugOverride(Kind kind, String region) {

    public enum Kind { NONE, VERBOSE, CLOUDFRONT, LOCAL, REGION }

    private static final String PREFIX = "debugregistry";
    private static final DebugOverride NONE = new DebugOverride(Kind.NONE, null);
    private static final DebugOverride VERBOSE = new DebugOverride(Kind.VERBOSE, null);

    /**
     * @param knownRegions the regions of the IP map: only these can be overrides, so that no
     *     made-up value steers a request or reaches the decision log
     */
    public static DebugOverride parse(String userAgent, Set<String> knownRegions) {
        if (userAgent == null || !userAgent.startsWith(PREFIX)) {
            return NONE;
        }
        String rest = userAgent.substring(PREFIX.length());
        if (!rest.startsWith("/")) {
            return VERBOSE;
        }
        String value = rest.substring(1);
        if (value.equals("cloudfront")) {
            return new DebugOverride(Kind.CLOUDFRONT, null);
        }
        if (value.equals("local")) {
            return new DebugOverride(Kind.LOCAL, null);
        }
        if (knownRegions.contains(value)) {
            return new DebugOverride(Kind.REGION, value);
        }
        return VERBOSE;
    }

    public boolean verbose() {
        return kind != Kind.NONE;
    }
}
