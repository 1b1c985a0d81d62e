package dev.registryedge.ipmap.intervals;

import dev.registryedge.ipmap.ranges.AddressFamily;
import dev.registryedge.ipmap.ranges.PublishedPrefix;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the interval table of one address family from prefixes that may nest (CIDR blocks
 * either nest or are disjoint). Where they nest, the most specific prefix wins; adjacent
 * intervals with the same region and prefix length are merged. A block published for more
 * than one region places its addresses in none.
 */
public final class IntervalTableBuilder {

    private static final Comparator<PublishedPrefix> OUTERMOST_FIRST = Comparator
            .comparing(PublishedPrefix::first, Long::compareUnsigned)
            .thenComparingInt(PublishedPrefix::length)
            .thenComparing(PublishedPrefix::region);

    private final List<Long> starts = new ArrayList<>();
    private final List<Integer> infos = new ArrayList<>();
    private final Map<String, Integer> regionIndex;
    private final List<String> conflicts = new ArrayList<>();
    private final Set<Block> contested = new HashSet<>();

    /** A CIDR block, whatever the region it is published for. */
    private record Block(long first, int length) {}

    private IntervalTableBuilder(Map<String, Integer> regionIndex) {
        this.regionIndex = regionIndex;
    }

    /**
     * @param prefixes prefixes of one family that {@linkplain PublishedPrefix#fitsKey() fit the key}
     * @param regionIndex the position of each region name in the generated region table
     * @param conflicts receives a line for every identical prefix published for two or more
     *     regions: its addresses are placed in no region
     */
    public static IntervalTable build(AddressFamily family, List<PublishedPrefix> prefixes,
            Map<String, Integer> regionIndex, List<String> conflicts) {
        IntervalTableBuilder builder = new IntervalTableBuilder(regionIndex);
        IntervalTable table = builder.sweep(family, prefixes);
        conflicts.addAll(builder.conflicts);
        return table;
    }

    private IntervalTable sweep(AddressFamily family, List<PublishedPrefix> prefixes) {
        List<PublishedPrefix> sorted = new ArrayList<>(prefixes);
        sorted.sort(OUTERMOST_FIRST);
        Deque<PublishedPrefix> open = new ArrayDeque<>();
        mark(0, 0);
        for (int i = 0; i < sorted.size(); ) {
            PublishedPrefix prefix = sorted.get(i);
            // The same block may be listed more than once (per service, say); sorting put the
            // entries side by side.
            TreeSet<String> regions = new TreeSet<>();
            for (; i < sorted.size() && sorted.get(i).first() == prefix.first()
                    && sorted.get(i).length() == prefix.length(); i++) {
                regions.add(sorted.get(i).region());
            }
            if (regions.size() > 1) {
                // One of the regions is wrong and nothing says which: sending a client to
                // either could cost egress or fail, while "no region" only means CloudFront.
                contested.add(new Block(prefix.first(), prefix.length()));
                List<String> names = new ArrayList<>(regions);
                conflicts.add(prefix.cidr() + " is published for " + String.join(", ", names.subList(0, names.size() - 1))
                        + " and " + names.get(names.size() - 1) + ": its addresses are placed in no region"
                        + " (CloudFront serves them) unless a more specific prefix places them");
            }
            closeBefore(open, prefix.first(), family);
            open.push(prefix);
            mark(prefix.first(), infoOf(prefix));
        }
        closeBefore(open, family.maxKey(), family);
        while (!open.isEmpty()) {
            open.pop(); // prefixes reaching the very top of the address space
        }
        long[] startArray = new long[starts.size()];
        int[] infoArray = new int[infos.size()];
        for (int i = 0; i < startArray.length; i++) {
            startArray[i] = starts.get(i);
            infoArray[i] = infos.get(i);
        }
        return new IntervalTable(family, startArray, infoArray);
    }

    /** Closes the open prefixes that end before {@code key}, marking where each hands back. */
    private void closeBefore(Deque<PublishedPrefix> open, long key, AddressFamily family) {
        while (!open.isEmpty() && Long.compareUnsigned(open.peek().last(), key) < 0) {
            PublishedPrefix closed = open.pop();
            if (closed.last() != family.maxKey()) {
                mark(closed.last() + 1, open.isEmpty() ? 0 : infoOf(open.peek()));
            }
        }
    }

    /** From {@code start} on, the info word is {@code info}. */
    private void mark(long start, int info) {
        int last = starts.size() - 1;
        if (last >= 0 && starts.get(last) == start) {
            infos.remove(last);
            starts.remove(last);
            last--;
        }
        if (last >= 0 && infos.get(last) == info) {
            return;
        }
        starts.add(start);
        infos.add(info);
    }

    private int infoOf(PublishedPrefix prefix) {
        if (contested.contains(new Block(prefix.first(), prefix.length()))) {
            return 0;
        }
        return ((regionIndex.get(prefix.region()) + 1) << 8) | prefix.length();
    }
}
