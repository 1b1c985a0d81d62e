package dev.registryedge.ipmap.lookup;

/**
 * Parses IPv4 and IPv6 address literals into numbers, without allocating and without
 * ever resolving a host name (unlike {@code InetAddress.getByName}).
 *
 * <p>Only the strict textual forms are accepted: dotted-quad IPv4 with decimal octets and no
 * leading zeros (which some parsers read as octal), and RFC 4291 IPv6 with an optional
 * {@code ::} and an optional trailing dotted quad, in ASCII digits only (no full-width,
 * Arabic-Indic or other Unicode digits). Zone ids ({@code fe80::1%eth0}) are
 * rejected: a client address never carries one.
 */
public final class IpLiteral {

    /** Returned by {@link #parseIpv4} for anything that is not an IPv4 literal. */
    public static final long NOT_IPV4 = -1L;

    private IpLiteral() {}

    /** Whether the text can only be an IPv6 literal (it contains a colon). */
    public static boolean looksLikeIpv6(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /** The IPv4 address as an unsigned 32-bit value in a long, or {@link #NOT_IPV4}. */
    public static long parseIpv4(CharSequence text) {
        return parseIpv4(text, 0, text.length());
    }

    static long parseIpv4(CharSequence text, int from, int to) {
        // One pass, one branch per character in the common case: this runs on every request.
        long value = 0;
        int dots = 0;
        int octet = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit >= 0 && digit <= 9) {
                if (digits == 1 && octet == 0) {
                    return NOT_IPV4; // a leading zero, which some parsers read as octal
                }
                octet = octet * 10 + digit;
                if (++digits > 3) {
                    return NOT_IPV4;
                }
            } else if (digit == '.' - '0' && digits > 0 && octet <= 255 && dots < 3) {
                value = (value << 8) | octet;
                dots++;
                octet = 0;
                digits = 0;
            } else {
                return NOT_IPV4;
            }
        }
        if (dots != 3 || digits == 0 || octet > 255) {
            return NOT_IPV4;
        }
        return (value << 8) | octet;
    }

    /**
     * The top 64 bits of an IPv6 address (the routing prefix and subnet, which is all the
     * map needs: no published EC2 prefix is longer than /64).
     *
     * @throws IllegalArgumentException if the text is not an IPv6 literal
     */
    public static long parseIpv6High64(CharSequence text) {
        int n = text.length();
        if (n < 2 || n > 45) {
            throw notIpv6(text);
        }
        // The groups read so far, packed at the low end of a 128-bit value (hi:lo).
        long hi = 0;
        long lo = 0;
        int groups = 0;
        int gapAt = -1; // number of groups before "::", or -1 when there is none
        int i = 0;
        if (text.charAt(0) == ':') {
            if (text.charAt(1) != ':') {
                throw notIpv6(text);
            }
            gapAt = 0;
            i = 2;
        }
        while (i < n) {
            int start = i;
            int group = 0;
            while (i < n && i - start < 5) {
                int digit = hexDigit(text.charAt(i));
                if (digit < 0) {
                    break;
                }
                group = (group << 4) | digit;
                i++;
            }
            int digits = i - start;
            if (i < n && text.charAt(i) == '.') {
                long v4 = parseIpv4(text, start, n);
                if (v4 == NOT_IPV4 || groups > 6) {
                    throw notIpv6(text);
                }
                hi = (hi << 32) | (lo >>> 32);
                lo = (lo << 32) | v4;
                groups += 2;
                i = n;
                break;
            }
            if (digits == 0 || digits > 4 || groups == 8) {
                throw notIpv6(text);
            }
            hi = (hi << 16) | (lo >>> 48);
            lo = (lo << 16) | group;
            groups++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':' || ++i == n) {
                throw notIpv6(text);
            }
            if (text.charAt(i) == ':') {
                if (gapAt >= 0) {
                    throw notIpv6(text);
                }
                gapAt = groups;
                i++;
            }
        }
        if (gapAt < 0) {
            if (groups != 8) {
                throw notIpv6(text);
            }
            return hi;
        }
        if (groups > 7) {
            throw notIpv6(text);
        }
        return high64WithGap(hi, lo, groups, gapAt);
    }

    /**
     * The value of an ASCII hexadecimal digit, or -1. Plain comparisons on purpose: the
     * JDK's {@code Character.digit} also accepts full-width and other Unicode digits, which no
     * address literal contains, and this code is compiled to JavaScript as well.
     */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Moves the groups read before "::" up to their place, leaving zeros in the gap. */
    private static long high64WithGap(long hi, long lo, int groups, int gapAt) {
        int tailBits = (groups - gapAt) * 16;
        int headShift = (8 - gapAt) * 16;
        long headHi;
        long headLo;
        if (tailBits == 0) {
            headHi = hi;
            headLo = lo;
        } else if (tailBits < 64) {
            headHi = hi >>> tailBits;
            headLo = (lo >>> tailBits) | (hi << (64 - tailBits));
        } else {
            headHi = 0;
            headLo = hi >>> (tailBits - 64);
        }
        long movedHead;
        if (headShift >= 128) {
            movedHead = 0;
        } else if (headShift >= 64) {
            movedHead = headLo << (headShift - 64);
        } else {
            movedHead = (headHi << headShift) | (headLo >>> (64 - headShift));
        }
        long tailHi = tailBits > 64 ? hi & ((1L << (tailBits - 64)) - 1) : 0;
        return movedHead | tailHi;
    }

    private static IllegalArgumentException notIpv6(CharSequence text) {
        return new IllegalArgumentException("not an IPv6 literal: '" + text + "'");
    }

    /** Dotted-quad text of an unsigned 32-bit IPv4 value. */
    public static String formatIpv4(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** RFC 5952 text of the IPv6 address whose top 64 bits are given and the rest zero. */
    public static String formatIpv6High64(long high64) {
        int[] groups = new int[8];
        for (int g = 0; g < 4; g++) {
            groups[g] = (int) (high64 >>> (48 - 16 * g)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
