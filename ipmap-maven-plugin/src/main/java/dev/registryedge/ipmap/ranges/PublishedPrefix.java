package dev.registryedge.ipmap.ranges;

/**
 * One entry of {@code prefixes} or {@code ipv6_prefixes}.
 *
 * @param family the address family
 * @param cidr the prefix as published
 * @param first the first key it covers (unsigned; IPv6 keys are the top 64 bits)
 * @param length the prefix length
 * @param region the region, e.g. {@code us-east-1}
 * @param service the service, e.g. {@code EC2}
 */
public record PublishedPrefix(AddressFamily family, String cidr, long first, int length, String region, String service) {

    /** The last key it covers (unsigned); meaningful when {@link #fitsKey()}. */
    public long last() {
        int hostBits = family.keyBits() - length;
        return first | (hostBits == 64 ? -1L : (1L << hostBits) - 1);
    }

    /** Whether the map's keys can represent it: IPv6 prefixes longer than /64 cannot. */
    public boolean fitsKey() {
        return length <= family.keyBits();
    }
}
