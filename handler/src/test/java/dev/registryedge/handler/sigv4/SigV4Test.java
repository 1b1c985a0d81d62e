package dev.registryedge.handler.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SigV4Test {

    @Test
    void formatsAndParsesTimestampsLikeJavaTime() {
        Random random = new Random(4);
        for (int i = 0; i < 10_000; i++) {
            long millis = (random.nextLong() & Long.MAX_VALUE) % 4_102_444_800_000L; // up to 2100
            Instant instant = Instant.ofEpochMilli(millis);
            String expected = instant.toString().substring(0, 19).replace("-", "").replace(":", "") + "Z";
            assertEquals(expected, SigV4.amzDate(millis));
            assertEquals(millis / 1000 * 1000, SigV4.parseIsoMillis(instant.toString().substring(0, 19) + "Z"));
        }
        assertEquals(1_700_000_000_000L, SigV4.parseIsoMillis("2023-11-14T22:13:20.000Z"));
    }

    @Test
    void encodesAsSigV4Requires() {
        assertEquals("a%20b/c%2Bd~e%25f%28g%29%27h%21%2A%C3%BC", SigV4.uriEncode("a b/c+d~e%f(g)'h!*ü", true));
        assertEquals("AKID%2F20261128%2Fus-east-1%2Fs3%2Faws4_request",
                SigV4.uriEncode("AKID/20261128/us-east-1/s3/aws4_request", false));
    }

    @Test
    void utf8IsTheJdksEncodingByteForByteUnpairedSurrogatesIncluded() {
        Random random = new Random(7);
        char[] interesting = {'a', '/', '~', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\ud800', '\udbff',
            '\udc00', '\udfff', '\u00e9', '\u4e2d'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : (char) random.nextInt(0x10000));
            }
            String value = text.toString();
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    value.getBytes(java.nio.charset.StandardCharsets.UTF_8), SigV4.utf8(value), value);
        }
    }
}
