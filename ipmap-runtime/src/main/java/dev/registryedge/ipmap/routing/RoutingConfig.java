package dev.registryedge.ipmap.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the edge function needs to know about the deployment, compiled in at build time
 * because Lambda@Edge offers no environment variables.
 *
 * @param presignValiditySeconds how long a redirect URL stays valid
 * @param s3 time limits for existence checks
 * @param existenceCache how existence answers are remembered
 * @param debugOverrides whether {@code debugregistry/...} user agents may steer a request
 * @param alwaysCloudFront client networks that are always served by CloudFront, in CIDR notation
 * @param distributions the known CloudFront distributions, by distribution id, in the order the
 *     configuration lists them (what operators see listed, and in what order, follows it)
 * @param metrics how much each decision line tells CloudWatch as metrics
 */
public record RoutingConfig(
        int presignValiditySeconds,
        S3Limits s3,
        CacheLimits existenceCache,
        boolean debugOverrides,
        List<String> alwaysCloudFront,
        Map<String, Distribution> distributions,
        MetricsDetail metrics) {

    public RoutingConfig {
        alwaysCloudFront = List.copyOf(alwaysCloudFront);
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        if (metrics == null) {
            throw new IllegalArgumentException("metrics: give a level (MetricsDetail.OFF for none)");
        }
    }

    /** With metrics per distribution and outcome, the default. */
    public RoutingConfig(int presignValiditySeconds, S3Limits s3, CacheLimits existenceCache, boolean debugOverrides,
            List<String> alwaysCloudFront, Map<String, Distribution> distributions) {
        this(presignValiditySeconds, s3, existenceCache, debugOverrides, alwaysCloudFront, distributions,
                MetricsDetail.OUTCOME);
    }
}
