package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.Outcome;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A replay of a day of CI pulls against a counting S3 stub, with and without the existence
 * cache: how many HeadObjects each costs, and proof that no client is ever sent to a replica
 * that does not hold the blob yet.
 */
class HeadCacheReplayIT {

    static final long MINUTE = 60_000L;
    static final String[] CLIENTS = {"52.22.255.189", "3.12.0.1", "35.80.0.1", "54.176.0.1", "8.8.8.8"};
    static final double[] CLIENT_SHARE = {0.35, 0.25, 0.25, 0.05, 0.10};
    static final String[] DISTRIBUTIONS = {"E2KP8SMSY4XB67", "E2PBG0JIU6CTJY", "E1Q1256FT1FBYD"};

    /** The simulated world: when each blob was pushed and when it reaches each replica. */
    static final class Workload {
        final List<String> digests = new ArrayList<>();
        final long[] pushedAt;
        final Map<String, long[]> replicatedAt = new HashMap<>(); // replica bucket -> per blob, or MAX_VALUE
        final double[] zipf;

        Workload(int blobs, long span, long seed) {
            Random random = new Random(seed);
            pushedAt = new long[blobs];
            for (int i = 0; i < blobs; i++) {
                StringBuilder digest = new StringBuilder();
                for (int d = 0; d < 64; d++) {
                    digest.append("0123456789abcdef".charAt(random.nextInt(16)));
                }
                digests.add(digest.toString());
                // Base layers exist from the start; the rest are pushed through the day.
                pushedAt[i] = i < blobs / 10 ? 0 : (long) (random.nextDouble() * span);
            }
            for (String replica : List.of(EventCorpus.REPLICA_EAST2, EventCorpus.REPLICA_WEST1,
                    EventCorpus.REPLICA_WEST2)) {
                long[] arrival = new long[blobs];
                for (int i = 0; i < blobs; i++) {
                    // Up to 15 minutes of lag; one blob in ten never replicated.
                    arrival[i] = random.nextInt(10) == 0 ? Long.MAX_VALUE
                            : pushedAt[i] + (long) (random.nextDouble() * 15 * MINUTE);
                }
                replicatedAt.put(replica, arrival);
            }
            zipf = new double[blobs];
            double total = 0;
            for (int i = 0; i < blobs; i++) {
                total += 1 / Math.pow(i + 1, 1.1);
                zipf[i] = total;
            }
            for (int i = 0; i < blobs; i++) {
                zipf[i] /= total;
            }
        }

        int pick(Random random, long now) {
            while (true) {
                int index = java.util.Arrays.binarySearch(zipf, random.nextDouble());
                index = index < 0 ? -index - 1 : index;
                if (pushedAt[Math.min(index, zipf.length - 1)] <= now) {
                    return Math.min(index, zipf.length - 1);
                }
            }
        }

        boolean holds(String bucket, String key, long now) {
            long[] arrival = replicatedAt.get(bucket);
            int blob = digests.indexOf(key.substring(key.length() - 69, key.length() - 5));
            return arrival == null ? pushedAt[blob] <= now : arrival[blob] <= now;
        }
    }

    /** Replays the workload; returns {HeadObjects, requests sent to a replica, mistakes}. */
    static long[] replay(Workload workload, CacheLimits cache, int requests, long span, long seed) {
        long[] clockNow = {0};
        Clock clock = () -> clockNow[0];
        long[] heads = {0};
        ObjectStore counting = (Route route, String key, Deadline deadline) -> {
            heads[0]++;
            return workload.holds(route.target().bucket(), key, clockNow[0]);
        };
        RoutingConfig base = RoutingTable.config();
        RoutingConfig config = new RoutingConfig(base.presignValiditySeconds(), base.s3(), cache, base.debugOverrides(),
                base.alwaysCloudFront(), base.distributions());
        DecisionLog quiet = new DecisionLog() {
            @Override
            public void decision(String json) {}

            @Override
            public void detail(String message) {}
        };
        Router router = new Router(config, AwsRegionMap.map(), counting, (route, key, validity, deadline) -> "signed", clock, quiet);
        Random random = new Random(seed);
        long replicas = 0;
        long mistakes = 0;
        for (int i = 0; i < requests; i++) {
            clockNow[0] = span * i / requests;
            int blob = workload.pick(random, clockNow[0]);
            double r = random.nextDouble();
            int client = 0;
            double share = CLIENT_SHARE[0];
            while (r > share && client < CLIENTS.length - 1) {
                share += CLIENT_SHARE[++client];
            }
            String key = EventCorpus.blobKey(workload.digests.get(blob));
            Decision decision = router.decide(new ViewerRequest(DISTRIBUTIONS[random.nextInt(DISTRIBUTIONS.length)],
                    CLIENTS[client], "GET", "/" + key, null));
            if (decision.outcome() == Outcome.REPLICA) {
                replicas++;
                if (!workload.holds(decision.target().bucket(), key, clockNow[0])) {
                    mistakes++;
                }
            }
        }
        return new long[] {heads[0], replicas, mistakes};
    }

    @Test
    void theCacheCutsHeadObjectsAndNeverSendsAClientToAReplicaWithoutTheBlob() {
        int requests = 100_000;
        long span = 24 * 60 * MINUTE;
        Workload workload = new Workload(3_000, span, 42);
        long[] off = replay(workload, new CacheLimits(0, 0), requests, span, 7);
        long[] on = replay(workload, CacheLimits.DEFAULT, requests, span, 7);
        long[] longer = replay(workload, new CacheLimits(20_000, 60), requests, span, 7);
        System.out.printf("HeadObject replay (%,d requests over 24 h, 3,000 blobs, Zipf 1.1, replication lag up to 15 min):%n",
                requests);
        System.out.printf("  no cache:              %6.1f HeadObjects per 1,000 requests, %,d sent to replicas%n",
                off[0] * 1000.0 / requests, off[1]);
        System.out.printf("  cache, absent for 30 s: %6.1f HeadObjects per 1,000 requests, %,d sent to replicas%n",
                on[0] * 1000.0 / requests, on[1]);
        System.out.printf("  cache, absent for 60 s: %6.1f HeadObjects per 1,000 requests, %,d sent to replicas%n",
                longer[0] * 1000.0 / requests, longer[1]);
        assertEquals(0, off[2]);
        assertEquals(0, on[2], "a client was sent to a replica lacking the blob");
        assertEquals(0, longer[2]);
        assertTrue(on[0] * 5 < off[0], on[0] + " vs " + off[0]);
    }
}
