package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Route;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers existence answers so that popular blobs cost one HeadObject per function instance
 * instead of one per request. Blobs are content-addressed and immutable: "present" stays true
 * for good. "Absent" is trusted only for {@link CacheLimits#absentSeconds()}, since a replica
 * may receive the blob at any moment; until then the request goes on to the next target, which
 * is never wrong, only dearer. Failures are not remembered. The least recently used answers are
 * dropped beyond {@link CacheLimits#maxEntries()}, bounding memory on a 128 MB edge.
 */
public final class CachingObjectStore implements ObjectStore {

    private static final long PRESENT = Long.MAX_VALUE;

    private final ObjectStore store;
    private final Clock clock;
    private final CacheLimits limits;
    /** target name + key → {@link #PRESENT}, or when an "absent" answer stops being trusted. */
    private final Map<String, Long> answers;

    public CachingObjectStore(ObjectStore store, Clock clock, CacheLimits limits) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > limits.maxEntries();
            }
        };
    }

    @Override
    public boolean exists(Route route, String key, Deadline deadline) throws Exception {
        Boolean remembered = remembered(route, key);
        return remembered != null ? remembered : ask(route, key, deadline);
    }

    /** The answer remembered for the key in the target, or null when there is none (or it expired). */
    public Boolean remembered(Route route, String key) {
        if (limits.maxEntries() == 0) {
            return null;
        }
        long now = clock.millis();
        synchronized (answers) {
            Long until = answers.get(cacheKey(route, key));
            if (until != null && (until == PRESENT || until > now)) {
                return until == PRESENT;
            }
        }
        return null;
    }

    /** Asks the store, whatever is remembered, and remembers the answer. */
    public boolean ask(Route route, String key, Deadline deadline) throws Exception {
        boolean present = store.exists(route, key, deadline);
        if (limits.maxEntries() > 0) {
            long now = clock.millis();
            synchronized (answers) {
                answers.put(cacheKey(route, key), present ? PRESENT : now + limits.absentSeconds() * 1000L);
            }
        }
        return present;
    }

    private static String cacheKey(Route route, String key) {
        return route.target().name() + "\n" + key;
    }

    /** How many answers are held now. */
    public int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
