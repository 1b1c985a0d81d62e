package dev.registryedge.ipmap.routing;

/**
 * How existence checks are remembered. Blobs are immutable, so "present" holds for the life of
 * the function instance; "absent" only briefly, because replication catches up within minutes.
 *
 * @param maxEntries how many answers to keep (least recently used go first); 0 turns caching off
 * @param absentSeconds how long an "absent" answer is trusted
 */
public record CacheLimits(int maxEntries, int absentSeconds) {

    public static final CacheLimits DEFAULT = new CacheLimits(20_000, 30);
}
