package dev.registryedge.ipmap.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalCodecTest {

    @Test
    void roundTripsUnsignedStartsUpToTheTopOfTheAddressSpace() {
        long[] starts = {0, 1, 0xffff_ffffL, 0x8000_0000_0000_0000L, -2L, -1L};
        int[] infos = {0, 0x120, 0xffff, 7, 0, 0x2a40};
        String encoded = IntervalCodec.encode(starts, infos);

        long[] decodedStarts = new long[IntervalCodec.count(encoded)];
        int[] decodedInfos = new int[decodedStarts.length];
        IntervalCodec.decode(encoded, decodedStarts, decodedInfos);

        assertArrayEquals(starts, decodedStarts);
        assertArrayEquals(infos, decodedInfos);
    }

    @Test
    void usesOnlyPrintableCharacters() {
        String encoded = IntervalCodec.encode(new long[] {0, 1L << 40, -1L}, new int[] {1, 2, 3});
        assertEquals(true, encoded.chars().allMatch(c -> c >= '0' && c <= 'o'), encoded);
    }

    @Test
    void refusesStartsThatDoNotAscend() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IntervalCodec.encode(new long[] {0, 5, 5}, new int[] {0, 0, 0}));
        assertEquals("starts are not ascending at index 2", error.getMessage());
    }
}
