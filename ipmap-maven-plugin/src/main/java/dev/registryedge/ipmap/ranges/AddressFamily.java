package dev.registryedge.ipmap.ranges;

/** IPv4, keyed by the whole address, or IPv6, keyed by its top 64 bits. */
public enum AddressFamily {
    IPV4(32),
    IPV6(64);

    private final int keyBits;

    AddressFamily(int keyBits) {
        this.keyBits = keyBits;
    }

    /** How many bits of an address the map compares: 32 for IPv4, 64 for IPv6. */
    public int keyBits() {
        return keyBits;
    }

    /** The largest key, as an unsigned number. */
    public long maxKey() {
        return keyBits == 64 ? -1L : (1L << keyBits) - 1;
    }
}
