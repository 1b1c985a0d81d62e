package dev.registryedge.ipmap.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @Test
    void parsesIpv4BoundariesAndTypicalAddresses() {
        assertEquals(0L, IpLiteral.parseIpv4("0.0.0.0"));
        assertEquals(0xffffffffL, IpLiteral.parseIpv4("255.255.255.255"));
        assertEquals(0x3416ffbdL, IpLiteral.parseIpv4("52.22.255.189"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4",
        "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.-4", "1.2.3.4/32", "a.b.c.d", "1.2.3.1000", "1.2.3.0x1"})
    void rejectsWhatIsNotAStrictIpv4Literal(String text) {
        assertEquals(IpLiteral.NOT_IPV4, IpLiteral.parseIpv4(text));
    }

    @Test
    void ipv4AgreesWithTheJdkOnRandomAddresses() throws Exception {
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            int value = random.nextInt();
            String text = InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(value).array()).getHostAddress();
            assertEquals(value & 0xffffffffL, IpLiteral.parseIpv4(text), text);
        }
    }

    @Test
    void ipv6AgreesWithTheJdkOnRandomAddressesInEveryTextForm() throws Exception {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            // Runs of zero groups exercise "::" in every position.
            int zeroFrom = random.nextInt(8);
            int zeroTo = zeroFrom + random.nextInt(9 - zeroFrom);
            for (int b = zeroFrom * 2; b < zeroTo * 2; b++) {
                bytes[b] = 0;
            }
            long expected = ByteBuffer.wrap(bytes).getLong();
            InetAddress address = InetAddress.getByAddress(bytes);
            String full = fullForm(bytes);
            String jdk = address.getHostAddress();
            String compressed = IpLiteral.formatIpv6High64(expected);
            assertEquals(expected, IpLiteral.parseIpv6High64(full), full);
            assertEquals(expected, IpLiteral.parseIpv6High64(jdk), jdk);
            assertEquals(expected, IpLiteral.parseIpv6High64(compressed), compressed);
            assertEquals(expected, IpLiteral.parseIpv6High64(full.toUpperCase()), full);
            // The JDK never writes "::" and the formatter only at the longest run, so the
            // compressed forms a client may send are built here: "::" over the run made above
            // (whichever run it is), every group padded to four digits, and the last 32 bits
            // as dotted IPv4.
            if (zeroTo > zeroFrom) {
                String elided = elided(bytes, zeroFrom, zeroTo);
                assertEquals(expected, IpLiteral.parseIpv6High64(elided), elided);
            }
            String padded = String.join(":", java.util.Arrays.stream(full.split(":"))
                    .map(group -> "0".repeat(4 - group.length()) + group).toList());
            assertEquals(expected, IpLiteral.parseIpv6High64(padded), padded);
            String dotted = full.substring(0, nthColon(full, 6) + 1) + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "."
                    + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            assertEquals(expected, IpLiteral.parseIpv6High64(dotted), dotted);
        }
    }

    /** The groups before {@code from} and from {@code to} on, with "::" between. */
    private static String elided(byte[] bytes, int from, int to) {
        String[] groups = fullForm(bytes).split(":");
        return String.join(":", java.util.Arrays.copyOfRange(groups, 0, from)) + "::"
                + String.join(":", java.util.Arrays.copyOfRange(groups, to, 8));
    }

    private static int nthColon(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(':', at + 1);
        }
        return at;
    }

    private static String fullForm(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff)));
        }
        return out.toString();
    }

    @Test
    void parsesCompressedAndEmbeddedIpv4Forms() {
        assertEquals(0L, IpLiteral.parseIpv6High64("::"));
        assertEquals(0L, IpLiteral.parseIpv6High64("::1"));
        assertEquals(0x0001_0000_0000_0000L, IpLiteral.parseIpv6High64("1::"));
        assertEquals(0x2600_1f18_4000_0000L, IpLiteral.parseIpv6High64("2600:1f18:4000::1"));
        assertEquals(0L, IpLiteral.parseIpv6High64("::ffff:52.22.255.189"));
        assertEquals(0x0001_0002_0003_0004L, IpLiteral.parseIpv6High64("1:2:3:4:5:6:7.8.9.10"));
        assertEquals(0x0001_0002_0003_0004L, IpLiteral.parseIpv6High64("1:2:3:4::7.8.9.10"));
        assertEquals(0x0000_0002_0003_0004L, IpLiteral.parseIpv6High64("::2:3:4:5:6:7:8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
        "fe80::1%eth0", "1:", ":1", "g::", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4:5", "[::1]",
        "1::2:3:4:5:6:7:8", "::ffff:01.2.3.4"})
    void rejectsWhatIsNotAnIpv6Literal(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpLiteral.parseIpv6High64(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uff12\uff16\uff10\uff10:1f18::1", "2600:1f18::\uff11", "2600:\uff11f18::1",
        "\u0662600:1f18::1", "2600:1f18::\u0661", "::ffff:\u0665\u0662.22.255.189", "2600:1f18::\uff41",
        "\u0968600::1", "2600:1f18::\u00b9"})
    void rejectsIpv6LiteralsWithNonAsciiDigits(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpLiteral.parseIpv6High64(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uff15\uff12.22.255.189", "52.22.255.18\u0669", "\u0665\u0662.22.255.189",
        "52.\u0968\u0968.255.189", "52.22.255.\u00b9"})
    void rejectsIpv4LiteralsWithNonAsciiDigits(String text) {
        assertEquals(IpLiteral.NOT_IPV4, IpLiteral.parseIpv4(text), text);
    }

    @Test
    void formatsTheTopHalfOfIpv6ByRfc5952() {
        assertEquals("2600:1f18:4000::", IpLiteral.formatIpv6High64(0x2600_1f18_4000_0000L));
        assertEquals("2600:1f18:4000:1::", IpLiteral.formatIpv6High64(0x2600_1f18_4000_0001L));
        assertEquals("::", IpLiteral.formatIpv6High64(0));
        assertEquals("2406:da00:ff00::", IpLiteral.formatIpv6High64(0x2406_da00_ff00_0000L));
    }
}
