package dev.registryedge.handler.core;

/**
 * What a {@code debugregistry...} user agent asks for: {@code debugregistry/cloudfront}
 * (pass through), {@code debugregistry/local} (the distribution's own bucket),
 * {@code debugregistry/<region>} (act as if the client were there); any other
 * {@code debugregistry} value only turns on verbose logging.
 *
 * @param kind which of these
 * @param region the region named, for {@link Kind#REGION}
 */
public record DebugOverride(Kind kind, String region) {

    public enum Kind { NONE, VERBOSE, CLOUDFRONT, LOCAL, REGION }

    private static final String PREFIX = "debugregistry";
    private static final DebugOverride NONE = new DebugOverride(Kind.NONE, null);

    public static DebugOverride parse(String userAgent) {
        if (userAgent == null || !userAgent.startsWith(PREFIX)) {
            return NONE;
        }
        String rest = userAgent.substring(PREFIX.length());
        if (!rest.startsWith("/") || rest.length() == 1) {
            return new DebugOverride(Kind.VERBOSE, null);
        }
        String value = rest.substring(1);
        if (value.equals("cloudfront")) {
            return new DebugOverride(Kind.CLOUDFRONT, null);
        }
        if (value.equals("local")) {
            return new DebugOverride(Kind.LOCAL, null);
        }
        return new DebugOverride(Kind.REGION, value);
    }

    public boolean verbose() {
        return kind != Kind.NONE;
    }
}
