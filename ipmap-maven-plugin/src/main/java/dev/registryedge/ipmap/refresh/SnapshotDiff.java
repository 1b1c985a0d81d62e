package dev.registryedge.ipmap.refresh;

import dev.registryedge.ipmap.intervals.MapDiff;
import dev.registryedge.ipmap.intervals.RegionTables;
import dev.registryedge.ipmap.ranges.AddressFamily;
import dev.registryedge.ipmap.ranges.PublishedPrefix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human summary of a refresh: the syncToken change and, per region, the prefixes and
 * addresses the map gains and loses.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {}

    /** Lines to print; the first says old and new syncToken, warning if the new one is older. */
    public static List<String> describe(RegionTables before, RegionTables after) {
        List<String> lines = new ArrayList<>();
        String oldToken = before.snapshot().syncToken();
        String newToken = after.snapshot().syncToken();
        lines.add("syncToken " + oldToken + " -> " + newToken + " (createDate " + before.snapshot().createDate()
                + " -> " + after.snapshot().createDate() + ")");
        if (Long.parseLong(newToken) < Long.parseLong(oldToken)) {
            lines.add("WARNING: the downloaded snapshot is OLDER than the one it replaces");
        } else if (newToken.equals(oldToken)) {
            lines.add("same syncToken: AWS has published nothing new");
        }

        Map<String, int[]> prefixChanges = prefixChanges(before, after);
        Map<String, MapDiff.Change> ipv4 = MapDiff.between(before.ipv4(), before.regions(), after.ipv4(), after.regions());
        Map<String, MapDiff.Change> ipv6 = MapDiff.between(before.ipv6(), before.regions(), after.ipv6(), after.regions());
        Set<String> regions = new java.util.TreeSet<>(prefixChanges.keySet());
        regions.addAll(ipv4.keySet());
        regions.addAll(ipv6.keySet());
        if (regions.isEmpty()) {
            lines.add("the selected prefixes are unchanged");
        }
        for (String region : regions) {
            int[] prefixes = prefixChanges.getOrDefault(region, new int[2]);
            StringBuilder line = new StringBuilder(String.format("%-16s prefixes +%d -%d", region, prefixes[0], prefixes[1]));
            MapDiff.Change v4 = ipv4.get(region);
            if (v4 != null) {
                line.append(", IPv4 addresses +").append(v4.added()).append(" -").append(v4.removed());
            }
            MapDiff.Change v6 = ipv6.get(region);
            if (v6 != null) {
                line.append(", IPv6 /64s +").append(v6.added()).append(" -").append(v6.removed());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Per region, {added, removed} counts of selected prefixes. */
    private static Map<String, int[]> prefixChanges(RegionTables before, RegionTables after) {
        Set<String> old = keys(before);
        Set<String> current = keys(after);
        Map<String, int[]> changes = new TreeMap<>();
        for (String key : current) {
            if (!old.contains(key)) {
                changes.computeIfAbsent(regionOf(key), r -> new int[2])[0]++;
            }
        }
        for (String key : old) {
            if (!current.contains(key)) {
                changes.computeIfAbsent(regionOf(key), r -> new int[2])[1]++;
            }
        }
        return changes;
    }

    private static Set<String> keys(RegionTables tables) {
        Set<String> keys = new HashSet<>();
        for (PublishedPrefix prefix : tables.selection().apply(tables.snapshot())) {
            if (prefix.family() == AddressFamily.IPV4 || prefix.fitsKey()) {
                keys.add(prefix.region() + " " + prefix.cidr());
            }
        }
        return keys;
    }

    private static String regionOf(String key) {
        return key.substring(0, key.indexOf(' '));
    }
}
