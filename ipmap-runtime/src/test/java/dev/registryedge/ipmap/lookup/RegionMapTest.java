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
}
