package dev.registryedge.bench;

import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeMap;
import com.google.common.net.InetAddresses;
import com.google.common.primitives.UnsignedLong;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Guava's TreeRangeMap keyed by address (IPv6 by its top 64 bits), prefixes put from least to
 * most specific so that the most specific wins; literals parsed by {@code InetAddresses}.
 */
final class GuavaRanges {

    private final TreeRangeMap<Long, String> ipv4 = TreeRangeMap.create();
    private final TreeRangeMap<UnsignedLong, String> ipv6 = TreeRangeMap.create();

    GuavaRanges(List<Snapshot.Prefix> prefixes) {
        List<Snapshot.Prefix> outerFirst = new ArrayList<>(prefixes);
        outerFirst.sort(Comparator.comparingInt(Snapshot.Prefix::length));
        for (Snapshot.Prefix prefix : outerFirst) {
            if (prefix.ipv6()) {
                ipv6.put(Range.closed(UnsignedLong.fromLongBits(prefix.first()), UnsignedLong.fromLongBits(prefix.last())),
                        prefix.region());
            } else {
                ipv4.put(Range.closed(prefix.first(), prefix.last()), prefix.region());
            }
        }
    }

    String regionOf(long ipv4Address) {
        return ipv4.get(ipv4Address);
    }

    String regionOf(String literal) {
        byte[] bytes = InetAddresses.forString(literal).getAddress();
        if (bytes.length == 4) {
            return ipv4.get(ByteBuffer.wrap(bytes).getInt() & 0xffffffffL);
        }
        return ipv6.get(UnsignedLong.fromLongBits(ByteBuffer.wrap(bytes).getLong()));
    }
}
