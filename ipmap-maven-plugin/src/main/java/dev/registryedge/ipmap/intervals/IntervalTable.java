package dev.registryedge.ipmap.intervals;

import dev.registryedge.ipmap.lookup.IntervalCodec;
import dev.registryedge.ipmap.ranges.AddressFamily;

/**
 * The intervals of one address family: {@code starts[i]} (unsigned, ascending, the first 0)
 * begins an interval that runs up to the next start, with info word {@code infos[i]} as
 * {@link dev.registryedge.ipmap.lookup.RegionMap} defines it. Neighbours never share an info
 * word: they would have been merged.
 */
public record IntervalTable(AddressFamily family, long[] starts, int[] infos) {

    /** The region index of interval {@code i}, or -1 for none. */
    public int regionIndex(int i) {
        return (infos[i] >>> 8) - 1;
    }

    /** The unsigned last key of interval {@code i}. */
    public long last(int i) {
        return i + 1 < starts.length ? starts[i + 1] - 1 : family.maxKey();
    }

    public int size() {
        return starts.length;
    }

    /** The table as {@link IntervalCodec} writes it. */
    public String encode() {
        return IntervalCodec.encode(starts, infos);
    }
}
