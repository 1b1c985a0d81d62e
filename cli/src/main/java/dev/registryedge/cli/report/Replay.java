package dev.registryedge.cli.report;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logged request replayed through the same {@link Router} the function runs, offline: URLs
 * are not signed, and an existence check answers from what is assumed of the checked targets
 * (nothing, everything, or an S3 Inventory listing). Decisions are remembered per distribution,
 * client class and debug override (and key, with an inventory), the only inputs they depend on
 * then; one instance per thread.
 */
final class Replay {

    private static final DecisionLog SILENT = new DecisionLog() {
        @Override
        public void decision(String json) {}

        @Override
        public void detail(String message) {}
    };
    private static final int MEMO_LIMIT = 200_000;

    private final Router router;
    private final RoutingConfig config;
    private final Set<String> inventory;
    private final Map<String, Target> targets = new HashMap<>();
    private final boolean perKey;
    private final Map<String, Decision> memo = new HashMap<>();

    /** @param inventory "bucket/key" of every object in the checked targets, for {@link SavingsReport.Replicas#INVENTORY} */
    Replay(RoutingConfig config, RegionMap regions, SavingsReport.Replicas replicas, Set<String> inventory) {
        ObjectStore store = (route, key, deadline) -> switch (replicas) {
            case NONE -> false;
            case ALL -> true;
            case INVENTORY -> inventory.contains(route.target().bucket() + "/" + key);
        };
        this.router = new Router(config, regions, store, (route, key, validity, deadline) -> "", Clock.SYSTEM, SILENT);
        this.config = config;
        this.inventory = inventory;
        for (Distribution distribution : config.distributions().values()) {
            targets.put(distribution.home().target().name(), distribution.home().target());
            distribution.routes().values().forEach(routes -> routes.forEach(r -> targets.put(r.target().name(),
                    r.target())));
        }
        this.perKey = replicas == SavingsReport.Replicas.INVENTORY;
    }

    /**
     * The routes that could have answered this request with a 307: of the client's chain, the
     * checked targets (those the inventory says hold the blob, when there is one) up to the first
     * unchecked one, which surely holds it; the decision's own route when it is off the chain (a
     * debug override to the home bucket); none when this build would not redirect the request for
     * a reason before the chain (no route, not in AWS, a network always served by CloudFront).
     */
    List<Route> couldRedirect(String distributionId, Decision decision, String key) {
        Distribution distribution = config.distributions().get(distributionId);
        boolean chainEnded = !decision.outcome().redirects() && (Router.NOT_IN_ANY_CHECKED_TARGET.equals(decision.reason())
                || Router.NO_USABLE_TARGET.equals(decision.reason()));
        if (distribution == null || (!decision.outcome().redirects() && !chainEnded)) {
            return List.of();
        }
        List<Route> could = new ArrayList<>();
        boolean onChain = false;
        for (Route route : decision.clientRegion() == null ? List.<Route>of()
                : distribution.routesFor(decision.clientRegion())) {
            onChain |= decision.target() != null && route.target().equals(decision.target());
            if (route.target().checkExists()) {
                if (!perKey || inventory.contains(route.target().bucket() + "/" + key)) {
                    could.add(route);
                }
                continue;
            }
            could.add(route);
            break;
        }
        if (decision.outcome().redirects() && !onChain) {
            return List.of(distribution.home().target().equals(decision.target()) ? distribution.home()
                    : new Route(decision.target(), distribution.home().credentials()));
        }
        return could;
    }

    /** A distribution's home bucket, or null for a distribution the configuration does not know. */
    Target home(String distributionId) {
        Distribution distribution = config.distributions().get(distributionId);
        return distribution == null ? null : distribution.home().target();
    }

    /** A target of the configuration by its name, or null. */
    Target target(String name) {
        return targets.get(name);
    }

    /** Whether decisions depend on the blob: only an inventory knows which replica holds which. */
    boolean dependsOnBlob() {
        return perKey;
    }

    /** The configuration replayed. */
    RoutingConfig config() {
        return config;
    }

    Decision decide(String distribution, ClientClasses.ClientClass client, String uri, String key, String userAgent) {
        String memoKey = distribution + '\t' + client.id + '\t' + userAgent + (perKey ? '\t' + key : "");
        Decision decision = memo.get(memoKey);
        if (decision == null) {
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            decision = router.decide(new ViewerRequest(distribution, client.address, "GET", uri, userAgent));
            memo.put(memoKey, decision);
        }
        return decision;
    }
}
