package dev.registryedge.ipmap.lookup;

/**
 * One CIDR block, such as {@code 169.59.196.160/28} or {@code 2600:1f18::/36}, that can tell
 * whether an address literal lies inside it. IPv6 blocks are limited to /64, like the map.
 */
public final class IpNetwork {

    private final String cidr;
    private final boolean ipv6;
    private final long first;
    private final long mask;

    private IpNetwork(String cidr, boolean ipv6, long first, long mask) {
        this.cidr = cidr;
        this.ipv6 = ipv6;
        this.first = first;
        this.mask = mask;
    }

    /**
     * Parses CIDR notation. The address must be the first of its block ({@code 10.0.0.1/8} is
     * refused, as AWS never publishes one and it usually hides a typing error).
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static IpNetwork parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + cidr + "' has no /length");
        }
        String address = cidr.substring(0, slash);
        int length = parseLength(cidr, cidr.substring(slash + 1));
        boolean ipv6 = IpLiteral.looksLikeIpv6(address);
        long value;
        long mask;
        if (ipv6) {
            if (length > 64) {
                throw new IllegalArgumentException("'" + cidr + "' is longer than /64, which is the finest an IPv6 map resolves");
            }
            value = IpLiteral.parseIpv6High64(address);
            mask = length == 0 ? 0 : -1L << (64 - length);
        } else {
            value = IpLiteral.parseIpv4(address);
            if (value == IpLiteral.NOT_IPV4) {
                throw new IllegalArgumentException("'" + cidr + "' does not start with an IPv4 or IPv6 address");
            }
            if (length > 32) {
                throw new IllegalArgumentException("'" + cidr + "' is longer than /32");
            }
            mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        }
        if ((value & mask) != value) {
            throw new IllegalArgumentException("'" + cidr + "' has host bits set below its /" + length);
        }
        return new IpNetwork(cidr, ipv6, value, mask);
    }

    private static int parseLength(String cidr, String text) {
        if (text.isEmpty() || text.length() > 3) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid /length");
        }
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("'" + cidr + "' has no valid /length");
            }
            length = length * 10 + (c - '0');
        }
        if (length > 128) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid /length");
        }
        return length;
    }

    /** Whether the literal is an address inside this block; false for anything unparseable. */
    public boolean contains(CharSequence literal) {
        if (literal == null || IpLiteral.looksLikeIpv6(literal) != ipv6) {
            return false;
        }
        if (ipv6) {
            try {
                return containsIpv6High64(IpLiteral.parseIpv6High64(literal));
            } catch (IllegalArgumentException notALiteral) {
                return false;
            }
        }
        long address = IpLiteral.parseIpv4(literal);
        return address != IpLiteral.NOT_IPV4 && containsIpv4(address);
    }

    /** Whether an unsigned 32-bit IPv4 address (as {@link IpLiteral#parseIpv4} gives it) lies inside this block. */
    public boolean containsIpv4(long address) {
        return !ipv6 && (address & mask) == first;
    }

    /** Whether an IPv6 address, given by its top 64 bits, lies inside this block. */
    public boolean containsIpv6High64(long high64) {
        return ipv6 && (high64 & mask) == first;
    }

    @Override
    public String toString() {
        return cidr;
    }
}
