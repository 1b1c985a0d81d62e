package dev.registryedge.ipmap.intervals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many addresses changed region between two maps, per region: walks both interval tables
 * at once, so nesting and merging are accounted exactly. IPv6 counts are in /64 networks.
 */
public final class MapDiff {

    /** Addresses (or /64s) a region gained and lost. */
    public record Change(BigInteger added, BigInteger removed) {
        Change plus(BigInteger more, boolean gained) {
            return gained ? new Change(added.add(more), removed) : new Change(added, removed.add(more));
        }
    }

    private MapDiff() {}

    /** Per region, what it gained and lost from {@code before} to {@code after}; unchanged regions are left out. */
    public static Map<String, Change> between(IntervalTable before, List<String> beforeRegions,
            IntervalTable after, List<String> afterRegions) {
        Map<String, Change> changes = new TreeMap<>();
        long key = 0;
        int i = 0;
        int j = 0;
        while (true) {
            long end = Long.compareUnsigned(before.last(i), after.last(j)) < 0 ? before.last(i) : after.last(j);
            String was = name(beforeRegions, before.regionIndex(i));
            String is = name(afterRegions, after.regionIndex(j));
            if (was == null ? is != null : !was.equals(is)) {
                BigInteger count = new BigInteger(Long.toUnsignedString(end - key)).add(BigInteger.ONE);
                Change none = new Change(BigInteger.ZERO, BigInteger.ZERO);
                if (is != null) {
                    changes.put(is, changes.getOrDefault(is, none).plus(count, true));
                }
                if (was != null) {
                    changes.put(was, changes.getOrDefault(was, none).plus(count, false));
                }
            }
            if (end == before.family().maxKey()) {
                return changes;
            }
            key = end + 1;
            if (before.last(i) == end) {
                i++;
            }
            if (after.last(j) == end) {
                j++;
            }
        }
    }

    private static String name(List<String> regions, int index) {
        return index < 0 ? null : regions.get(index);
    }
}
