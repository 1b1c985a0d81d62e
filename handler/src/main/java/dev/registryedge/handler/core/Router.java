package dev.registryedge.handler.core;

import dev.registryedge.ipmap.lookup.IpNetwork;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decision procedure (docs/configuration.md, "How a request is decided"): trigger, excluded networks,
 * method, debug overrides, client region, blob path, the distribution's targets in order
 * (checking existence where a target asks for it, answers remembered by a
 * {@link CachingObjectStore}; a target that fails is skipped), and pass-through on anything
 * unexpected. Every network call of a request ends by one {@link Deadline}. Never throws.
 */
public final class Router {

    /** The reasons of a decision whose chain of targets ran out: every check said absent, or failed. */
    public static final String NOT_IN_ANY_CHECKED_TARGET = "not in any checked target";
    public static final String NO_USABLE_TARGET = "no usable target";

    private final RoutingConfig config;
    private final RegionMap regions;
    private final CachingObjectStore store;
    private final UrlSigner signer;
    private final Clock clock;
    private final DecisionLog log;
    private final List<IpNetwork> alwaysCloudFront = new ArrayList<>();
    private final Set<String> knownRegions;

    public Router(RoutingConfig config, RegionMap regions, ObjectStore store, UrlSigner signer, Clock clock,
            DecisionLog log) {
        this.config = config;
        this.regions = regions;
        this.store = new CachingObjectStore(store, clock, config.existenceCache());
        this.signer = signer;
        this.clock = clock;
        this.log = log;
        this.knownRegions = Set.of(regions.regions());
        for (String network : config.alwaysCloudFront()) {
            alwaysCloudFront.add(IpNetwork.parse(network));
        }
    }

    /**
     * Answers one CloudFront event as the platform holds it: the 307 response, or CloudFront's
     * own object unchanged (the request, or the response for a response trigger). Never throws:
     * whatever goes wrong lets CloudFront serve.
     */
    public <N> N answer(N event, EventTree<N> tree) {
        N unchanged = null;
        try {
            CloudFrontEvent<N> read = CloudFrontEvent.read(event, tree);
            unchanged = read.unchanged();
            Decision decision = decide(read.request());
            if (decision.outcome().redirects()) {
                return CloudFrontEvent.redirect(decision, tree);
            }
        } catch (Throwable e) {
            // decide() never throws; this guards reading and writing the event around it, on Node
            // against JavaScript errors too. The client must still get its blob.
            log.detail("malformed event, letting CloudFront serve: " + LogText.describe(e));
        }
        return unchanged != null ? unchanged : tree.newObject();
    }

    /** Decides and logs one request; any failure becomes a logged pass-through. */
    public Decision decide(ViewerRequest request) {
        long started = clock.millis();
        Attempt attempt = new Attempt(request, Deadline.after(clock, config.s3().budgetMillis()));
        Decision decision;
        try {
            decision = attempt.run();
        } catch (Exception | Error e) {
            // An Error too (StackOverflowError, a bug): the client must still get the blob.
            log.detail("routing failed, letting CloudFront serve: " + LogText.describe(e));
            decision = attempt.pass("error " + e.getClass().getSimpleName());
        }
        long now = clock.millis();
        log.decision(DecisionRecord.directive(decision, config.metrics()),
                DecisionRecord.rest(decision, request, now - started, now, config.metrics()));
        return decision;
    }

    /** The state of deciding one request. */
    private final class Attempt {
        private final ViewerRequest request;
        private final Deadline deadline;
        private final List<String> unusable = new ArrayList<>();
        private String distributionName;
        private String clientRegion;
        private long s3Millis;
        private int existenceChecks;
        private int cacheHits;
        private boolean verbose;

        Attempt(ViewerRequest request, Deadline deadline) {
            this.request = request;
            this.deadline = deadline;
            // The configured name from the start, so that every line names the distribution alike,
            // early decisions (a HEAD, a debug override) too; null for an id the configuration lacks.
            Distribution known = request == null || request.distributionId() == null ? null
                    : config.distributions().get(request.distributionId());
            this.distributionName = known == null ? null : known.name();
        }

        Decision run() throws Exception {
            if (request == null) {
                return pass("no request in event");
            }
            if (!ViewerRequest.VIEWER_REQUEST.equals(request.eventType())) {
                // As origin request a 307 would be cached by CloudFront; other triggers allow none.
                return pass("event type " + LogText.clip(request.eventType()) + " is not viewer-request");
            }
            for (IpNetwork network : alwaysCloudFront) {
                if (network.contains(request.clientIp())) {
                    return pass("client network " + network + " always served by CloudFront");
                }
            }
            if (!"GET".equals(request.method())) {
                return pass("method " + LogText.clip(request.method()) + " is not GET");
            }
            DebugOverride override = DebugOverride.parse(config.debugOverrides() ? request.userAgent() : null,
                    knownRegions);
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
                return firstUsable(List.of(distribution.home()), key, "debug override local");
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
            return firstUsable(routes, key, override.kind() == DebugOverride.Kind.REGION ? "debug override region" : null);
        }

        /**
         * Redirects to the first target that surely holds the key. A target whose check or
         * signing fails (timeout, 403, 5xx, connection error, no credentials, time budget spent)
         * is unusable for this request only: the next one is tried, because a later target needs
         * no check or may answer, and CloudFront is the dearest way to serve the blob.
         */
        private Decision firstUsable(List<Route> routes, String key, String because) {
            boolean absentOnly = true;
            for (Route route : routes) {
                boolean checked = route.target().checkExists();
                String url;
                try {
                    if (checked && !exists(route, key)) {
                        detail("not in " + route.target().name());
                        continue;
                    }
                    url = signer.presignGet(route, key, config.presignValiditySeconds(), deadline);
                    if (url.length() > Redirect.MAX_LOCATION_CHARS) {
                        throw new IllegalStateException("the presigned URL has " + url.length() + " characters, over "
                                + Redirect.MAX_LOCATION_CHARS + ": CloudFront would refuse the response");
                    }
                } catch (Exception e) {
                    absentOnly = false;
                    unusable.add(route.target().name());
                    log.detail("target " + route.target().name() + " unusable for this request, trying the next: "
                            + LogText.describe(e));
                    continue;
                }
                String reason = because != null ? because : checked ? "found in " + route.target().name() : "direct";
                detail("redirecting to " + route.target().name() + " (" + route.target().bucket() + ")");
                return new Decision(route.replica() ? Outcome.REPLICA : Outcome.BUCKET, reason, distributionName,
                        clientRegion, route.target(), url, s3Millis, existenceChecks, cacheHits, verbose, unusable);
            }
            return pass(absentOnly ? NOT_IN_ANY_CHECKED_TARGET : NO_USABLE_TARGET);
        }

        private boolean exists(Route route, String key) throws Exception {
            existenceChecks++;
            Boolean remembered = store.remembered(route, key);
            if (remembered != null) {
                cacheHits++;
                return remembered;
            }
            long before = clock.millis();
            try {
                return store.ask(route, key, deadline);
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
            return new Decision(Outcome.CLOUDFRONT, reason, distributionName, clientRegion, null, null, s3Millis,
                    existenceChecks, cacheHits, verbose, unusable);
        }
    }
}
