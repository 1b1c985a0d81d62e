package dev.registryedge.ipmap.intervals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.ipmap.lookup.IpLiteral;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.ranges.AddressFamily;
import dev.registryedge.ipmap.ranges.IpRangesReader;
import dev.registryedge.ipmap.ranges.PublishedPrefix;
import dev.registryedge.ipmap.ranges.Selection;
import dev.registryedge.ipmap.ranges.Snapshot;
import dev.registryedge.ipmap.testing.Snapshots;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The built map against a brute-force reading of the prefixes it was built from. */
class RegionTablesTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void readARealSnapshot() throws Exception {
        snapshot = IpRangesReader.read(Snapshots.august22(), "ip-ranges-2026-08-22.json");
    }

    /** The region of the most specific selected prefix holding the key, by trying them all. */
    private static PublishedPrefix bruteForce(List<PublishedPrefix> prefixes, AddressFamily family, long key) {
        PublishedPrefix best = null;
        for (PublishedPrefix prefix : prefixes) {
            if (prefix.family() == family && prefix.fitsKey()
                    && Long.compareUnsigned(prefix.first(), key) <= 0 && Long.compareUnsigned(key, prefix.last()) <= 0
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best;
    }

    private static void assertAgrees(RegionMap map, List<PublishedPrefix> prefixes, AddressFamily family, long key) {
        PublishedPrefix expected = bruteForce(prefixes, family, key);
        String literal = family == AddressFamily.IPV4 ? IpLiteral.formatIpv4(key) : IpLiteral.formatIpv6High64(key);
        String region = family == AddressFamily.IPV4 ? map.regionOfIpv4((int) key) : map.regionOfIpv6(key);
        assertEquals(expected == null ? null : expected.region(), region, literal);
        assertEquals(region, map.regionOf(literal), literal);
        String prefix = map.matchedPrefix(literal);
        if (expected == null) {
            assertNull(prefix, literal);
        } else if (family == AddressFamily.IPV4) {
            assertEquals(expected.cidr(), prefix, literal);
        } else {
            assertEquals(IpLiteral.formatIpv6High64(expected.first()) + "/" + expected.length(), prefix, literal);
        }
    }

    @Test
    @DisplayName("every EC2 address of the snapshot, sampled and at every interval boundary, maps as a brute-force search says")
    void ec2MapAgreesWithBruteForce() throws Exception {
        RegionTables tables = RegionTables.build(snapshot, Selection.defaults(), "ip-ranges-2026-08-22.json");
        checkAgainstBruteForce(tables, Selection.defaults().apply(snapshot), 100_000);
    }

    @Test
    @DisplayName("with every service selected, nested prefixes of different regions resolve to the most specific")
    void allServicesMapAgreesWithBruteForce() throws Exception {
        Selection everything = new Selection(
                snapshot.prefixes().stream().map(PublishedPrefix::service).distinct().toList(), List.of("*"), true, true);
        RegionTables tables = RegionTables.build(snapshot, everything, "ip-ranges-2026-08-22.json");
        assertTrue(tables.warnings().stream().anyMatch(w -> w.contains("longer than /64")), tables.warnings().toString());
        checkAgainstBruteForce(tables, everything.apply(snapshot), 20_000);
    }

    private static void checkAgainstBruteForce(RegionTables tables, List<PublishedPrefix> prefixes, int samples) {
        RegionMap map = tables.toRegionMap();
        Random random = new Random(20260822);
        List<PublishedPrefix> ipv4 = prefixes.stream().filter(p -> p.family() == AddressFamily.IPV4).toList();
        List<PublishedPrefix> ipv6 = prefixes.stream().filter(p -> p.family() == AddressFamily.IPV6 && p.fitsKey()).toList();
        for (int i = 0; i < samples; i++) {
            // Half uniformly random, half inside a random selected prefix, so that hits are tested too.
            PublishedPrefix v4 = ipv4.get(random.nextInt(ipv4.size()));
            long v4Key = i % 2 == 0 ? random.nextInt() & 0xffffffffL : v4.first() + (random.nextLong() & (v4.last() - v4.first()));
            assertAgrees(map, prefixes, AddressFamily.IPV4, v4Key);
            PublishedPrefix v6 = ipv6.get(random.nextInt(ipv6.size()));
            long v6Key = i % 2 == 0 ? random.nextLong() : v6.first() + (random.nextLong() & (v6.last() - v6.first()));
            assertAgrees(map, prefixes, AddressFamily.IPV6, v6Key);
        }
        for (IntervalTable table : List.of(tables.ipv4(), tables.ipv6())) {
            for (int i = 0; i < table.size(); i++) {
                assertAgrees(map, prefixes, table.family(), table.starts()[i]);
                assertAgrees(map, prefixes, table.family(), table.last(i));
            }
        }
    }

    @Test
    void mergesAdjacentPrefixesOfOneRegionAndLengthButKeepsNestedOnesApart() throws Exception {
        Snapshot small = IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00",
                "10.0.0.0/24 us-east-1 EC2", "10.0.1.0/24 us-east-1 EC2", "10.0.2.0/24 us-west-2 EC2",
                "10.0.0.0/8 eu-west-1 EC2", "10.0.0.128/25 eu-west-1 EC2")), "small.json");
        RegionTables tables = RegionTables.build(small, Selection.defaults(), "small.json");
        RegionMap map = tables.toRegionMap();

        assertEquals("us-east-1", map.regionOf("10.0.1.255"));
        assertEquals("10.0.1.0/24", map.matchedPrefix("10.0.1.255"));
        assertEquals("eu-west-1", map.regionOf("10.0.0.200"));
        assertEquals("10.0.0.128/25", map.matchedPrefix("10.0.0.200"));
        assertEquals("eu-west-1", map.regionOf("10.200.0.1"));
        assertEquals("10.0.0.0/8", map.matchedPrefix("10.200.0.1"));
        assertNull(map.regionOf("11.0.0.0"));
        // gap, 10.0.0.0/24 up to the /25, the /25, 10.0.1.0/24, us-west-2's /24, the rest of 10/8, gap
        assertEquals(7, tables.ipv4().size());
        // the two us-east-1 /24s are split by the /25; without it they would merge
        Snapshot adjacent = IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00",
                "10.0.0.0/24 us-east-1 EC2", "10.0.1.0/24 us-east-1 EC2")), "adjacent.json");
        assertEquals(3, RegionTables.build(adjacent, Selection.defaults(), "adjacent.json").ipv4().size());
    }

    @Test
    void coversTheTopAndBottomOfTheAddressSpace() throws Exception {
        Snapshot edges = IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00",
                "0.0.0.0/8 us-east-1 EC2", "255.0.0.0/8 us-west-2 EC2", "ffff::/16 us-west-2 EC2")), "edges.json");
        RegionMap map = RegionTables.build(edges, Selection.defaults(), "edges.json").toRegionMap();
        assertEquals("us-east-1", map.regionOf("0.0.0.0"));
        assertEquals("us-west-2", map.regionOf("255.255.255.255"));
        assertEquals("us-west-2", map.regionOf("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertNull(map.regionOf("fffe:ffff::"));
    }

    @Test
    @DisplayName("a map of 300 regions places every address in its own region (the region index is not cut to 8 bits)")
    void holdsMoreRegionsThanAByteCounts() throws Exception {
        String[] entries = new String[300];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = "11." + (i >> 8) + "." + (i & 0xff) + ".0/24 zz-region-" + (1000 + i) + " EC2";
        }
        Snapshot many = IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00", entries)),
                "many.json");
        RegionTables tables = RegionTables.build(many, Selection.defaults(), "many.json");
        RegionMap map = tables.toRegionMap();

        assertEquals(300, tables.regions().size());
        for (int i = 0; i < entries.length; i++) {
            String address = "11." + (i >> 8) + "." + (i & 0xff) + ".1";
            assertEquals("zz-region-" + (1000 + i), map.regionOf(address), address);
            assertEquals("11." + (i >> 8) + "." + (i & 0xff) + ".0/24", map.matchedPrefix(address), address);
        }
        assertEquals("zz-region-1254", map.regionOf("11.0.254.1"));
        assertNull(map.regionOf("11.1.44.1"));
    }

    @Test
    @DisplayName("a prefix published for two regions places its addresses in neither, with a warning")
    void aBlockPublishedForSeveralRegionsPlacesNoOne() throws Exception {
        Snapshot contested = IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00",
                "10.0.0.0/8 eu-west-1 EC2", "10.0.0.0/24 us-west-2 EC2", "10.0.0.0/24 us-east-1 EC2",
                "10.0.0.0/24 us-east-1 AMAZON", "10.0.0.128/25 ap-south-1 EC2", "10.0.1.0/24 us-east-1 EC2",
                "10.0.1.0/24 us-east-1 EC2", "2600:1f18::/32 us-east-1 EC2", "2600:1f18::/32 us-east-2 EC2",
                "2600:1f18::/32 us-west-1 EC2", "2600:1f18:4000::/36 us-east-1 EC2")), "contested.json");
        RegionTables tables = RegionTables.build(contested, Selection.defaults(), "contested.json");
        RegionMap map = tables.toRegionMap();

        assertEquals(List.of("10.0.0.0/24 is published for us-east-1 and us-west-2: its addresses are placed in no"
                        + " region (CloudFront serves them) unless a more specific prefix places them",
                "2600:1f18::/32 is published for us-east-1, us-east-2 and us-west-1: its addresses are placed in no"
                        + " region (CloudFront serves them) unless a more specific prefix places them"),
                tables.warnings());
        assertNull(map.regionOf("10.0.0.1"));
        assertNull(map.matchedPrefix("10.0.0.1"));
        assertEquals("ap-south-1", map.regionOf("10.0.0.129"));
        assertEquals("us-east-1", map.regionOf("10.0.1.1"));
        assertEquals("eu-west-1", map.regionOf("10.0.2.1"));
        assertNull(map.regionOf("2600:1f18::1"));
        assertNull(map.regionOf("2600:1f18:8000::1"));
        assertEquals("us-east-1", map.regionOf("2600:1f18:4000::1"));
        assertEquals("2600:1f18:4000::/36", map.matchedPrefix("2600:1f18:4000::1"));
    }
}
