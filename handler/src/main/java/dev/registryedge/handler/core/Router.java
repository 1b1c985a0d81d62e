package dev.registryedge.handler.core;

import dev.registryedge.ipmap.lookup.IpNetwork;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision procedure of SPEC.md: excluded networks, method, debug overrides, client
 * region, blob path, the distribution's routes in order (checking existence where a target
 * asks for it, answers remembered by a {@link CachingObjectStore}), and pass-through on
 * anything unexpected. Never throws.
 */
public final class Router {

    private final RoutingConfig config;
    private final RegionMap regions;
    private final ObjectStore store;
    private final UrlSigner signer;
    private final Clock clock;
    private final DecisionLog log;
    private final List<IpNetwork> alwaysCloudFront = new ArrayList<>();

    public Router(RoutingConfig config, RegionMap regions, ObjectStore store, UrlSigner signer, Clock clock,
            DecisionLog log) {
        this.config = config;
        this.regions = regions;
        this.store = new CachingObjectStore(store, clock, config.existenceCache());
        this.signer = signer;
        this.clock = clock;
        this.log = log;
        for (String network : config.alwaysCloudFront()) {
            alwaysCloudFront.add(IpNetwork.parse(network));
        }
    }

    /** Decides and logs one request; any failure becomes a logged pass-through. */
    public Decision decide(ViewerRequest request) {
        long started = clock.millis();
        Attempt attempt = new Attempt(request);
        Decision decision;
        try {
            decision = attempt.run();
        } catch (Exception | Error e) {
            // An Error too (StackOverflowError, a bug): the client must still get the blob.
            log.detail("routing failed, letting CloudFront serve: " + e);
            decision = attempt.pass("error " + e.getClass().getSimpleName());
        }
        log.decision(DecisionRecord.toJson(decision, request, clock.millis() - started));
        return decision;
    }

    /** The state of deciding one request. */
    private final class Attempt {
        private final ViewerRequest request;
        private String distributionName;
        private String clientRegion;
        private long s3Millis;
        private boolean verbose;

        Attempt(ViewerRequest request) {
            this.request = request;
            this.distributionName = request == null ? null : request.distributionId();
        }

        Decision run() throws Exception {
            if (request == null) {
                return pass("no request in event");
            }
            for (IpNetwork network : alwaysCloudFront) {
                if (network.contains(request.clientIp())) {
                    return pass("client network " + network + " always served by CloudFront");
                }
            }
            if (!"GET".equals(request.method())) {
                return pass("method " + request.method() + " is not GET");
            }
            DebugOverride override = config.debugOverrides()
                    ? DebugOverride.parse(request.userAgent()) : DebugOverride.parse(null);
            verbose = override.verbose();
            if (override.kind() == DebugOverride.Kind.CLOUDFRONT) {
                return pass("debug override cloudfront");
            }
            Distribution distribution = request.distributionId() == null
                    ? null : config.distributions().get(request.distributionId());
            if (distribution == null) {
                return pass("unknown distribution");
            }
            distributionName = distribution.name();
            String key = BlobKey.of(request.uri());
            if (key == null) {
                return pass("not a blob path");
            }
            if (override.kind() == DebugOverride.Kind.LOCAL) {
                clientRegion = "local";
                return firstHolder(List.of(distribution.home()), key, "debug override local");
            }
            if (override.kind() == DebugOverride.Kind.REGION) {
                clientRegion = override.region();
            } else {
                clientRegion = regions.regionOf(request.clientIp());
                if (clientRegion == null) {
                    return pass("client is in no EC2 region");
                }
            }
            List<Route> routes = distribution.routesFor(clientRegion);
            if (routes.isEmpty()) {
                return pass("no route for client region");
            }
            return firstHolder(routes, key, override.kind() == DebugOverride.Kind.REGION ? "debug override region" : null);
        }

        /** Redirects to the first target that surely holds the key. */
        private Decision firstHolder(List<Route> routes, String key, String because) throws Exception {
            for (Route route : routes) {
                boolean checked = route.target().checkExists();
                if (checked && !exists(route, key)) {
                    detail("not in " + route.target().name());
                    continue;
                }
                String url = signer.presignGet(route, key, config.presignValiditySeconds());
                String reason = because != null ? because : checked ? "found in " + route.target().name() : "direct";
                detail("redirecting to " + route.target().name() + " (" + route.target().bucket() + ")");
                return new Decision(checked ? Outcome.REPLICA : Outcome.BUCKET, reason, distributionName, clientRegion,
                        route.target(), url, s3Millis, verbose);
            }
            return pass("not in any checked target");
        }

        private boolean exists(Route route, String key) throws Exception {
            int remaining = config.s3().budgetMillis() - (int) s3Millis;
            if (remaining <= 0) {
                throw new IllegalStateException("S3 time budget of " + config.s3().budgetMillis() + " ms spent");
            }
            long before = clock.millis();
            try {
                return store.exists(route, key, Math.min(config.s3().requestTimeoutMillis(), remaining));
            } finally {
                s3Millis += clock.millis() - before;
            }
        }

        private void detail(String message) {
            if (verbose) {
                log.detail(message);
            }
        }

        Decision pass(String reason) {
            detail("passing through: " + reason);
            return new Decision(Outcome.CLOUDFRONT, reason, distributionName, clientRegion, null, null, s3Millis, verbose);
        }
    }
}
