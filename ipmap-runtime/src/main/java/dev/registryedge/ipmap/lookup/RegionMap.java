package dev.registryedge.ipmap.lookup;

/**
 * An immutable map from IP address to region: for each address family, a sorted array of
 * interval starts that covers the whole address space (gaps are intervals with no region), so
 * one binary search finds the interval holding an address.
 *
 * <p>Each interval carries an info word: {@code (regionIndex + 1) << 8 | prefixLength}, with
 * region index -1 (info {@code 0}) for "no region". Info words are kept whole (an {@code int}
 * each), so the number of regions is not limited to what 8 bits can count. The prefix length is that of the most
 * specific published prefix covering the interval; masking an address to it gives back the
 * prefix that matched, without storing the prefixes themselves.
 *
 * <p>IPv6 is resolved on its top 64 bits. Starts are stored with the sign bit flipped so that
 * signed comparison orders them as unsigned numbers.
 */
public final class RegionMap {

    private final String[] regions;
    private final int[] ipv4Starts;
    private final int[] ipv4Infos;
    private final long[] ipv6Starts;
    private final int[] ipv6Infos;

    private RegionMap(String[] regions, int[] ipv4Starts, int[] ipv4Infos, long[] ipv6Starts, int[] ipv6Infos) {
        this.regions = regions;
        this.ipv4Starts = ipv4Starts;
        this.ipv4Infos = ipv4Infos;
        this.ipv6Starts = ipv6Starts;
        this.ipv6Infos = ipv6Infos;
    }

    /**
     * Builds a map from tables written by {@link IntervalCodec#encode}. An empty string stands
     * for a family with no prefixes.
     */
    public static RegionMap decode(String[] regions, String encodedIpv4, String encodedIpv6) {
        long[] starts = new long[Math.max(1, IntervalCodec.count(encodedIpv4))];
        int[] infos = new int[starts.length];
        if (!encodedIpv4.isEmpty()) {
            IntervalCodec.decode(encodedIpv4, starts, infos);
        }
        int[] ipv4Starts = new int[starts.length];
        int[] ipv4Infos = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            ipv4Starts[i] = (int) starts[i] ^ Integer.MIN_VALUE;
            ipv4Infos[i] = checkedInfo(infos[i], regions.length);
        }

        starts = new long[Math.max(1, IntervalCodec.count(encodedIpv6))];
        infos = new int[starts.length];
        if (!encodedIpv6.isEmpty()) {
            IntervalCodec.decode(encodedIpv6, starts, infos);
        }
        int[] ipv6Infos = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] ^= Long.MIN_VALUE;
            ipv6Infos[i] = checkedInfo(infos[i], regions.length);
        }
        return new RegionMap(regions.clone(), ipv4Starts, ipv4Infos, starts, ipv6Infos);
    }

    private static int checkedInfo(int info, int regionCount) {
        if ((info >>> 8) > regionCount) {
            throw new IllegalArgumentException("interval names region " + ((info >>> 8) - 1)
                    + " but there are only " + regionCount);
        }
        if ((info >>> 8) == 0 && info != 0) {
            throw new IllegalArgumentException("interval has prefix length " + (info & 0xff) + " but no region");
        }
        return info;
    }

    /** The region of an IPv4 or IPv6 literal; {@code null} when none, or not a literal. */
    public String regionOf(CharSequence literal) {
        return regionName(infoOf(literal));
    }

    /** The region of an unsigned 32-bit IPv4 address; {@code null} when none. */
    public String regionOfIpv4(int address) {
        return regionName(ipv4Infos[floorIndex(ipv4Starts, address ^ Integer.MIN_VALUE)]);
    }

    /** The region of an IPv6 address given by its top 64 bits; {@code null} when none. */
    public String regionOfIpv6(long high64) {
        return regionName(ipv6Infos[floorIndex(ipv6Starts, high64 ^ Long.MIN_VALUE)]);
    }

    /**
     * The published prefix that decided {@link #regionOf} (e.g. {@code 52.20.0.0/14}), or
     * {@code null} when no prefix covers the address.
     */
    public String matchedPrefix(CharSequence literal) {
        int info = infoOf(literal);
        if (info == 0) {
            return null;
        }
        int length = info & 0xff;
        if (IpLiteral.looksLikeIpv6(literal)) {
            long mask = length == 0 ? 0 : -1L << (64 - length);
            return IpLiteral.formatIpv6High64(IpLiteral.parseIpv6High64(literal) & mask) + "/" + length;
        }
        long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        return IpLiteral.formatIpv4(IpLiteral.parseIpv4(literal) & mask) + "/" + length;
    }

    private int infoOf(CharSequence literal) {
        if (literal == null) {
            return 0;
        }
        // IPv4 first: most clients are IPv4, and the parser stops at the first character that
        // cannot be one, such as an IPv6 colon.
        long address = IpLiteral.parseIpv4(literal);
        if (address != IpLiteral.NOT_IPV4) {
            return ipv4Infos[floorIndex(ipv4Starts, (int) address ^ Integer.MIN_VALUE)];
        }
        if (!IpLiteral.looksLikeIpv6(literal)) {
            return 0;
        }
        long high64;
        try {
            high64 = IpLiteral.parseIpv6High64(literal);
        } catch (IllegalArgumentException notALiteral) {
            return 0;
        }
        return ipv6Infos[floorIndex(ipv6Starts, high64 ^ Long.MIN_VALUE)];
    }

    private String regionName(int info) {
        return info == 0 ? null : regions[(info >>> 8) - 1];
    }

    /**
     * Index of the last start not above the key; the first start is the lowest value. Written
     * without a data-dependent branch (the JIT turns the select into a conditional move): for
     * addresses in random order a branchy search spends most of its time on mispredictions.
     */
    private static int floorIndex(int[] starts, int key) {
        int base = 0;
        int length = starts.length;
        while (length > 1) {
            int half = length >>> 1;
            base = starts[base + half] <= key ? base + half : base;
            length -= half;
        }
        return base;
    }

    private static int floorIndex(long[] starts, long key) {
        int base = 0;
        int length = starts.length;
        while (length > 1) {
            int half = length >>> 1;
            base = starts[base + half] <= key ? base + half : base;
            length -= half;
        }
        return base;
    }

    /** The region names the map can answer, in table order. */
    public String[] regions() {
        return regions.clone();
    }

    public int ipv4IntervalCount() {
        return ipv4Starts.length;
    }

    public int ipv6IntervalCount() {
        return ipv6Starts.length;
    }
}
