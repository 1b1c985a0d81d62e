package dev.registryedge.it.bundle;

import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routing configurations the checked-in deployment does not have, shared by the JVM tests and
 * the test bundle so that both builds run the same ones.
 */
public final class TestRouting {

    /** The distribution of {@link #checkedChain}: clients in us-east-2 try its checked targets. */
    public static final String CHAIN_DISTRIBUTION = "ECHAINTEST0001";
    /** The last, unchecked target of the chain: a bucket in us-east-1 read with the function's keys. */
    public static final String CHAIN_BUCKET = "chain-farm-bucket";
    /** The chain's limits: 300 ms to connect, 1 s per call, 2 s for the whole request. */
    public static final S3Limits CHAIN_LIMITS = new S3Limits(300, 1000, 2000);

    private TestRouting() {}

    /**
     * A chain of {@code checked} targets in us-west-2 (buckets {@code chain-0}, {@code chain-1},
     * ...), each read through a role of its own (so each needs an AssumeRole call), then
     * {@link #CHAIN_BUCKET}; no existence answers are cached.
     */
    public static RoutingConfig checkedChain(int checked) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < checked; i++) {
            Credentials role = new Credentials("chain-role-" + i, "arn:aws:iam::123456789012:role/chain-" + i,
                    "chain-test", 3600);
            routes.add(new Route(new Target("chain-" + i, "chain-" + i, "us-west-2", null, true, true), role));
        }
        Route bucket = new Route(new Target("chain-farm", CHAIN_BUCKET, "us-east-1", null, true, false),
                Credentials.FUNCTION);
        routes.add(bucket);
        Distribution distribution = new Distribution(CHAIN_DISTRIBUTION, "chain", bucket, Map.of("us-east-2", routes));
        return new RoutingConfig(1200, CHAIN_LIMITS, new CacheLimits(0, 0), true, List.of(),
                Map.of(CHAIN_DISTRIBUTION, distribution));
    }

    /** The distribution of {@link #zeroEgress}: clients in us-east-1 try the cache, then the farm's bucket. */
    public static final String ZERO_EGRESS_DISTRIBUTION = "EZEROEGRESS001";
    /** The cache's bucket, on an S3-compatible store outside AWS. */
    public static final String CACHE_BUCKET = "registry-cache";
    /** The secret holding the cache's key pair. */
    public static final String CACHE_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry/cache-keys-AbCdEf";
    /** The farm's own bucket: app.ci's, read with the function's keys. */
    public static final String FARM_BUCKET = "ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix";

    /**
     * A zero-egress cache in front of the farm's bucket: us-east-1 clients are sent to the
     * cache (an S3-compatible store at {@code cacheEndpoint}, region {@code auto}, keys from
     * {@link #CACHE_SECRET_ARN}) when it holds the blob, else to {@link #FARM_BUCKET}.
     */
    public static RoutingConfig zeroEgress(String cacheEndpoint) {
        Credentials keys = Credentials.fromSecret("cache-keys", CACHE_SECRET_ARN, 3600);
        Route cache = new Route(new Target("cache", CACHE_BUCKET, "auto", cacheEndpoint, true, true), keys);
        Route farm = new Route(new Target("farm", FARM_BUCKET, "us-east-1", null, false, false), Credentials.FUNCTION);
        Distribution distribution = new Distribution(ZERO_EGRESS_DISTRIBUTION, "cached-farm", farm,
                Map.of("us-east-1", List.of(cache, farm)));
        // The defaults the documented example leaves in place, the existence cache on among them:
        // it is what decides whether a rotated key is noticed on a remembered blob.
        return new RoutingConfig(1200, CHAIN_LIMITS, new CacheLimits(20_000, 30), true, List.of(),
                Map.of(ZERO_EGRESS_DISTRIBUTION, distribution));
    }

    /**
     * By name: {@code deployed} (the checked-in configuration), {@code deployed-metrics-off} (the
     * same without metrics, what the bench compares the metric lines' cost with),
     * {@code checked-chain-N} or {@code zero-egress-URL}.
     */
    public static RoutingConfig named(String name) {
        if (name == null || name.equals("deployed")) {
            return RoutingTable.config();
        }
        if (name.equals("deployed-metrics-off")) {
            RoutingConfig deployed = RoutingTable.config();
            return new RoutingConfig(deployed.presignValiditySeconds(), deployed.s3(), deployed.existenceCache(),
                    deployed.debugOverrides(), deployed.alwaysCloudFront(), deployed.distributions(), MetricsDetail.OFF);
        }
        if (name.startsWith("zero-egress-")) {
            return zeroEgress(name.substring("zero-egress-".length()));
        }
        if (name.startsWith("checked-chain-")) {
            return checkedChain(Integer.parseInt(name.substring("checked-chain-".length())));
        }
        throw new IllegalArgumentException("no test routing named " + name);
    }
}
