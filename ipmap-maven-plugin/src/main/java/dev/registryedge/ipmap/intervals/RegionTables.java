package dev.registryedge.ipmap.intervals;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.ranges.AddressFamily;
import dev.registryedge.ipmap.ranges.PublishedPrefix;
import dev.registryedge.ipmap.ranges.Selection;
import dev.registryedge.ipmap.ranges.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything a generated map holds: the region names and one interval table per family, built
 * from the prefixes a selection keeps.
 *
 * @param snapshot where the prefixes came from
 * @param selection which prefixes were kept
 * @param regions region names, sorted; intervals refer to them by index
 * @param ipv4 the IPv4 table
 * @param ipv6 the IPv6 table (keys are the top 64 bits)
 * @param ipv4Prefixes how many IPv4 prefixes went in
 * @param ipv6Prefixes how many IPv6 prefixes went in
 * @param warnings things worth telling the user that do not stop the build
 */
public record RegionTables(Snapshot snapshot, Selection selection, List<String> regions, IntervalTable ipv4,
        IntervalTable ipv6, int ipv4Prefixes, int ipv6Prefixes, List<String> warnings) {

    /**
     * @param source how to name the snapshot in messages
     * @throws InputException when the selection keeps no prefix
     */
    public static RegionTables build(Snapshot snapshot, Selection selection, String source) throws InputException {
        List<PublishedPrefix> kept = selection.apply(snapshot);
        List<String> warnings = new ArrayList<>();
        List<PublishedPrefix> ipv4 = new ArrayList<>();
        List<PublishedPrefix> ipv6 = new ArrayList<>();
        int tooLong = 0;
        for (PublishedPrefix prefix : kept) {
            if (!prefix.fitsKey()) {
                tooLong++;
            } else if (prefix.family() == AddressFamily.IPV4) {
                ipv4.add(prefix);
            } else {
                ipv6.add(prefix);
            }
        }
        if (tooLong > 0) {
            warnings.add("left out " + tooLong + " IPv6 prefixes longer than /64: the map resolves IPv6 addresses by"
                    + " their top 64 bits (no EC2 prefix is longer)");
        }
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw new InputException(source + ": the selection (" + selection + ") keeps no prefix of the "
                    + snapshot.prefixes().size() + " in the snapshot; check the services and regions filters");
        }
        TreeSet<String> names = new TreeSet<>();
        ipv4.forEach(p -> names.add(p.region()));
        ipv6.forEach(p -> names.add(p.region()));
        List<String> regions = List.copyOf(names);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            index.put(regions.get(i), i);
        }
        IntervalTable ipv4Table = IntervalTableBuilder.build(AddressFamily.IPV4, ipv4, index, warnings);
        IntervalTable ipv6Table = IntervalTableBuilder.build(AddressFamily.IPV6, ipv6, index, warnings);
        return new RegionTables(snapshot, selection, regions, ipv4Table, ipv6Table, ipv4.size(), ipv6.size(),
                List.copyOf(warnings));
    }

    /** The runtime map these tables encode, for checking them without generating code. */
    public RegionMap toRegionMap() {
        return RegionMap.decode(regions.toArray(new String[0]), ipv4.encode(), ipv6.encode());
    }
}
