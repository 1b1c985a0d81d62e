package dev.registryedge.ipmap.ranges;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code ip-ranges.json}.
 *
 * @param syncToken publication time as Unix seconds, as AWS writes it
 * @param createDate publication time as AWS writes it ({@code yyyy-MM-dd-HH-mm-ss}, UTC)
 * @param prefixes every IPv4 and IPv6 entry, in file order
 */
public record Snapshot(String syncToken, String createDate, List<PublishedPrefix> prefixes) {

    public Snapshot {
        prefixes = List.copyOf(prefixes);
    }

    /** Every region named anywhere in the snapshot, sorted. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        prefixes.forEach(p -> regions.add(p.region()));
        return regions;
    }

    /** {@link #createDate} as a UTC date-time. */
    public LocalDateTime created() {
        return IpRangesReader.parseCreateDate(createDate);
    }
}
