package dev.registryedge.handler.endpoints;

import dev.registryedge.ipmap.routing.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * Where targets without an endpoint of their own are reached instead of AWS, for tests and
 * local runs: either one URL for every region ({@code http://127.0.0.1:9000}) or one per
 * region ({@code us-east-1=http://127.0.0.1:9001,us-west-2=http://127.0.0.1:9002}). Such
 * endpoints are addressed path-style.
 */
public final class S3Endpoints {

    /** No overrides: AWS everywhere. */
    public static final S3Endpoints NONE = new S3Endpoints(null, Map.of());

    private final String everywhere;
    private final Map<String, String> byRegion;

    private S3Endpoints(String everywhere, Map<String, String> byRegion) {
        this.everywhere = everywhere;
        this.byRegion = byRegion;
    }

    /** Parses the forms above; {@code null} or empty means {@link #NONE}. */
    public static S3Endpoints parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return NONE;
        }
        if (spec.indexOf('=') < 0) {
            return new S3Endpoints(spec, Map.of());
        }
        Map<String, String> byRegion = new HashMap<>();
        // indexOf rather than split: in the JavaScript build split would bring in the whole regex engine.
        for (int start = 0; start <= spec.length(); ) {
            int comma = spec.indexOf(',', start);
            String entry = spec.substring(start, comma < 0 ? spec.length() : comma);
            start = comma < 0 ? spec.length() + 1 : comma + 1;
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not region=URL");
            }
            byRegion.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return new S3Endpoints(null, byRegion);
    }

    /**
     * How a target is reached.
     *
     * @param url the endpoint, e.g. {@code https://<account>.r2.cloudflarestorage.com}, or
     *     {@code null} for the AWS endpoint of the target's region
     * @param pathStyle whether the bucket goes in the path rather than the host name
     */
    public record Endpoint(String url, boolean pathStyle) {}

    /**
     * A target's own endpoint with its own path style; else the override for its region, always
     * path-style (local S3 APIs have no per-bucket host names); else AWS.
     */
    public Endpoint of(Target target) {
        if (target.endpoint() != null) {
            return new Endpoint(target.endpoint(), target.pathStyle());
        }
        String override = forRegion(target.region());
        return new Endpoint(override, override != null || target.pathStyle());
    }

    /** The override for a region, or {@code null} for AWS. */
    public String forRegion(String region) {
        String endpoint = byRegion.get(region);
        return endpoint != null ? endpoint : everywhere;
    }
}
