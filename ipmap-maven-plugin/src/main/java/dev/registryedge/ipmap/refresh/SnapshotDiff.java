package dev.registryedge.ipmap.refresh;

import dev.registryedge.ipmap.intervals.IntervalTable;
import dev.registryedge.ipmap.intervals.MapDiff;
import dev.registryedge.ipmap.intervals.RegionTables;
import dev.registryedge.ipmap.ranges.AddressFamily;
import dev.registryedge.ipmap.ranges.PublishedPrefix;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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

    /**
     * A refresh that moves more than this share of a family's addresses (gained or lost) stops
     * unless confirmed. Between the real snapshots of 2026-08-01 and 2026-08-22, 3.7 % of the
     * EC2 IPv4 addresses and 0.09 % of the IPv6 /64s changed; between 2023-05-11 and 2026-08-22,
     * 38 % and 89 %. A refresh is meant to run every few weeks, so 10 % is well above normal
     * churn and well below what a wrong or truncated document does.
     */
    public static final int LARGE_CHANGE_PERCENT = 10;

    /**
     * How many addresses of one family the map placed before, and how many changed: gained
     * counts addresses that now have a region they did not have, lost those that no longer
     * have the region they had (an address moving between regions counts in both).
     *
     * @param family {@code IPv4} or {@code IPv6}
     * @param unit what is counted: addresses, or /64s for IPv6
     */
    public record FamilyChange(String family, String unit, BigInteger before, BigInteger gained, BigInteger lost) {

        /** Whether gained or lost exceeds {@code percent} of the addresses placed before. */
        public boolean exceeds(int percent) {
            BigInteger limit = before.multiply(BigInteger.valueOf(percent));
            BigInteger hundred = BigInteger.valueOf(100);
            return gained.multiply(hundred).compareTo(limit) > 0 || lost.multiply(hundred).compareTo(limit) > 0;
        }

        @Override
        public String toString() {
            return family + " " + unit + " +" + gained + " -" + lost + " of " + before + " (+" + percent(gained) + " -"
                    + percent(lost) + ")";
        }

        private String percent(BigInteger part) {
            if (before.signum() == 0) {
                return part.signum() == 0 ? "0%" : "all new";
            }
            return new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(before), 1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    private SnapshotDiff() {}

    /** The change of each family the selection keeps. */
    public static List<FamilyChange> familyChanges(RegionTables before, RegionTables after) {
        List<FamilyChange> changes = new ArrayList<>();
        if (after.selection().ipv4()) {
            changes.add(familyChange("IPv4", "addresses", before.ipv4(), before.regions(), after.ipv4(), after.regions()));
        }
        if (after.selection().ipv6()) {
            changes.add(familyChange("IPv6", "/64s", before.ipv6(), before.regions(), after.ipv6(), after.regions()));
        }
        return changes;
    }

    private static FamilyChange familyChange(String family, String unit, IntervalTable before, List<String> beforeRegions,
            IntervalTable after, List<String> afterRegions) {
        BigInteger gained = BigInteger.ZERO;
        BigInteger lost = BigInteger.ZERO;
        for (MapDiff.Change change : MapDiff.between(before, beforeRegions, after, afterRegions).values()) {
            gained = gained.add(change.added());
            lost = lost.add(change.removed());
        }
        return new FamilyChange(family, unit, placed(before), gained, lost);
    }

    /** How many keys of the table have a region. */
    private static BigInteger placed(IntervalTable table) {
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < table.size(); i++) {
            if (table.regionIndex(i) >= 0) {
                total = total.add(new BigInteger(Long.toUnsignedString(table.last(i) - table.starts()[i]))
                        .add(BigInteger.ONE));
            }
        }
        return total;
    }

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
