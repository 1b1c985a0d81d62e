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

    /**
     * Every character encoded as AWS's SigV4 rules say (RFC 3986's unreserved characters kept,
     * everything else as %XX of its UTF-8 bytes, upper-case hex; '/' kept only in a path), written
     * here from the rules, not from the code.
     */
    @Test
    void uriEncodingKeepsExactlyTheUnreservedCharacters() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x180; c++) {
            every.append(c);
        }
        every.append("\u20ac\ud83d\ude00");
        for (boolean keepSlashes : new boolean[] {false, true}) {
            StringBuilder expected = new StringBuilder();
            for (byte b : every.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".indexOf(c) >= 0
                        || (c == '/' && keepSlashes);
                expected.append(unreserved ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
            assertEquals(expected.toString(), SigV4.uriEncode(every.toString(), keepSlashes), "keepSlashes " + keepSlashes);
            // One character at a time too: the path that returns the text untouched when nothing needs encoding.
            for (int i = 0; i < every.length(); i++) {
                String one = every.substring(i, i + 1);
                if (Character.isSurrogate(one.charAt(0))) {
                    continue;
                }
                StringBuilder single = new StringBuilder();
                for (byte b : one.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    char c = (char) (b & 0xff);
                    single.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".indexOf(c) >= 0
                            || (c == '/' && keepSlashes) ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
                }
                assertEquals(single.toString(), SigV4.uriEncode(one, keepSlashes), "U+" + Integer.toHexString(one.charAt(0)));
            }
        }
    }
}
