package dev.registryedge.ipmap.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpNetworkTest {

    @Test
    void containsExactlyTheAddressesOfItsBlock() {
        IpNetwork network = IpNetwork.parse("169.59.196.160/28");
        assertTrue(network.contains("169.59.196.160"));
        assertTrue(network.contains("169.59.196.175"));
        assertFalse(network.contains("169.59.196.159"));
        assertFalse(network.contains("169.59.196.176"));
        assertFalse(network.contains("::ffff:169.59.196.161"));
        assertFalse(network.contains("garbage"));
        assertFalse(network.contains(null));
    }

    @Test
    void handlesIpv6BlocksAndTheWholeSpace() {
        assertTrue(IpNetwork.parse("2600:1f18::/32").contains("2600:1f18:4000::1"));
        assertFalse(IpNetwork.parse("2600:1f18::/32").contains("2600:1f19::1"));
        assertTrue(IpNetwork.parse("0.0.0.0/0").contains("255.255.255.255"));
    }

    @Test
    void answersForParsedAddressesAsForLiteralsAndNeverAcrossFamilies() {
        IpNetwork v4 = IpNetwork.parse("169.59.196.160/28");
        IpNetwork v6 = IpNetwork.parse("2600:1f18::/32");
        for (String literal : new String[] {"169.59.196.160", "169.59.196.175", "169.59.196.159", "169.59.196.176"}) {
            assertEquals(v4.contains(literal), v4.containsIpv4(IpLiteral.parseIpv4(literal)), literal);
            assertFalse(v6.containsIpv4(IpLiteral.parseIpv4(literal)), literal);
        }
        for (String literal : new String[] {"2600:1f18:4000::1", "2600:1f19::1", "2600:1f18::"}) {
            assertEquals(v6.contains(literal), v6.containsIpv6High64(IpLiteral.parseIpv6High64(literal)), literal);
            assertFalse(v4.containsIpv6High64(IpLiteral.parseIpv6High64(literal)), literal);
        }
    }

    @Test
    void rejectsMalformedBlocksWithTheReason() {
        assertEquals("'10.0.0.1/8' has host bits set below its /8",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.1/8")).getMessage());
        assertEquals("'10.0.0.0' has no /length",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0")).getMessage());
        assertEquals("'10.0.0.0/33' is longer than /32",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/33")).getMessage());
        assertEquals("'10.0.0/8' does not start with an IPv4 or IPv6 address",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0/8")).getMessage());
        assertEquals("'2600::/96' is longer than /64, which is the finest an IPv6 map resolves",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("2600::/96")).getMessage());
    }

    @Test
    void acceptsAsciiDigitsOnly() {
        assertEquals("not an IPv6 literal: '\uff12\uff16\uff10\uff10:1f18::'",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("\uff12\uff16\uff10\uff10:1f18::/32"))
                        .getMessage());
        assertEquals("'\u0661\u0660.0.0.0/8' does not start with an IPv4 or IPv6 address",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("\u0661\u0660.0.0.0/8")).getMessage());
        assertEquals("'10.0.0.0/\uff18' has no valid /length",
                assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/\uff18")).getMessage());
        IpNetwork network = IpNetwork.parse("2600:1f18::/32");
        assertFalse(network.contains("2600:1f18::\uff11"));
        assertFalse(network.contains("\uff12\uff16\uff10\uff10:1f18::1"));
        assertTrue(network.contains("2600:1F18::1"));
    }
}
