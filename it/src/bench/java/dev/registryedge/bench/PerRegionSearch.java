package dev.registryedge.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The original function's method: for each region in turn, a binary search over that region's
 * sorted prefix starts, then a check of the prefix found. IPv4 only, as it was.
 */
final class PerRegionSearch {

    private final String[] regions;
    private final long[][] starts;
    private final long[][] ends;

    PerRegionSearch(List<Snapshot.Prefix> prefixes, Predicate<String> regionFilter) {
        Map<String, List<Snapshot.Prefix>> byRegion = new TreeMap<>();
        prefixes.stream().filter(p -> regionFilter.test(p.region()))
                .forEach(p -> byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p));
        regions = byRegion.keySet().toArray(new String[0]);
        starts = new long[regions.length][];
        ends = new long[regions.length][];
        for (int r = 0; r < regions.length; r++) {
            List<Snapshot.Prefix> sorted = new ArrayList<>(byRegion.get(regions[r]));
            sorted.sort(Comparator.comparingLong(Snapshot.Prefix::first));
            starts[r] = sorted.stream().mapToLong(Snapshot.Prefix::first).toArray();
            ends[r] = sorted.stream().mapToLong(Snapshot.Prefix::last).toArray();
        }
    }

    String regionOf(long address) {
        for (int r = 0; r < regions.length; r++) {
            long[] s = starts[r];
            int low = 0;
            int high = s.length;
            while (low < high) { // first start above the address
                int middle = (low + high) >>> 1;
                if (s[middle] <= address) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            for (int i = low - 1; i >= 0 && i >= low - 2; i--) { // the scan: the prefix found and the one before
                if (ends[r][i] >= address) {
                    return regions[r];
                }
            }
        }
        return null;
    }

    String regionOf(String literal) {
        return regionOf(Literals.dottedQuad(literal));
    }
}
