package dev.registryedge.ipmap.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RegionMapTest {

    /** 2600:1f18::/32 and 52.20.0.0/14 in us-east-1, nothing else. */
    private static final RegionMap MAP = RegionMap.decode(new String[] {"us-east-1"},
            IntervalCodec.encode(new long[] {0, 0x34140000L, 0x34180000L}, new int[] {0, (1 << 8) | 14, 0}),
            IntervalCodec.encode(new long[] {0, 0x2600_1f18_0000_0000L, 0x2600_1f19_0000_0000L},
                    new int[] {0, (1 << 8) | 32, 0}));

    @Test
    void placesOnlyAsciiLiterals() {
        assertEquals("us-east-1", MAP.regionOf("2600:1f18::1"));
        assertEquals("us-east-1", MAP.regionOf("52.22.255.189"));
        // full-width and Arabic-Indic digits, as a hostile client might send them
        assertNull(MAP.regionOf("\uff12\uff16\uff10\uff10:1f18::1"));
        assertNull(MAP.matchedPrefix("\uff12\uff16\uff10\uff10:1f18::1"));
        assertNull(MAP.regionOf("\u0665\u0662.22.255.189"));
        assertNull(MAP.regionOf("2600:1f18::\u0661"));
    }

    @Test
    void namesMoreRegionsThanAByteCounts() {
        String[] regions = new String[300];
        long[] starts = new long[301];
        int[] infos = new int[301];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = "region-" + i;
            starts[i + 1] = 0x0b000000L + (i << 8); // 11.0.0.0/24, 11.0.1.0/24, ...
            infos[i + 1] = ((i + 1) << 8) | 24;
        }
        RegionMap map = RegionMap.decode(regions, IntervalCodec.encode(starts, infos), "");
        assertEquals("region-254", map.regionOf("11.0.254.1"));
        assertEquals("region-299", map.regionOf("11.1.43.1"));
        assertEquals("11.1.43.0/24", map.matchedPrefix("11.1.43.1"));
        assertEquals("region-0", map.regionOf("11.0.0.1"));
    }

    @Test
    void refusesAnIntervalNamingARegionBeyondTheTable() {
        String encoded = IntervalCodec.encode(new long[] {0, 0x0b000000L}, new int[] {0, (3 << 8) | 8});
        assertEquals("interval names region 2 but there are only 2", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> RegionMap.decode(new String[] {"a", "b"}, encoded, "")).getMessage());
    }
}
