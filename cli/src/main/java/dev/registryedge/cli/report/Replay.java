package dev.registryedge.cli.report;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A logged request replayed through the same {@link Router} the function runs, offline: URLs
 * are not signed, and an existence check answers from what is assumed of the checked targets
 * (nothing, everything, or an S3 Inventory listing). Decisions are remembered per distribution,
 * address and user agent (and key, with an inventory), the only inputs they depend on then; one
 * instance per thread.
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
        this.perKey = replicas == SavingsReport.Replicas.INVENTORY;
    }

    /** Whether decisions depend on the blob: only an inventory knows which replica holds which. */
    boolean dependsOnBlob() {
        return perKey;
    }

    Decision decide(String distribution, String clientIp, String uri, String key, String userAgent) {
        String memoKey = distribution + '\t' + clientIp + '\t' + userAgent + (perKey ? '\t' + key : "");
        Decision decision = memo.get(memoKey);
        if (decision == null) {
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            decision = router.decide(new ViewerRequest(distribution, clientIp, "GET", uri, userAgent));
            memo.put(memoKey, decision);
        }
        return decision;
    }
}
