package dev.registryedge.cli.report;

import dev.registryedge.ipmap.lookup.IpLiteral;
import dev.registryedge.ipmap.lookup.IpNetwork;
import dev.registryedge.ipmap.lookup.RegionMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client addresses reduced to what a decision depends on: the AWS region the map places the
 * address in (or none) and the first {@code alwaysCloudFront} network holding it (or none). The
 * report decides once per class, never per address, so neither its time nor its memory grows
 * with the number of distinct clients; each class keeps the first address seen in it, which the
 * replay decides for. Addresses are read from the log line's bytes without being copied. One per
 * thread.
 */
final class ClientClasses {

    /** Clients that every decision treats alike. */
    static final class ClientClass {
        final int id;
        /** The region the map places the class in; null outside AWS (or not an address). */
        final String region;
        /** An address of the class, for the replay. */
        final String address;

        ClientClass(int id, String region, String address) {
            this.id = id;
            this.region = region;
            this.address = address;
        }
    }

    /** A byte slice read as ASCII characters, for the parsers that take a CharSequence. */
    private static final class Slice implements CharSequence {
        byte[] bytes;
        int from;
        int to;

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    private final RegionMap regions;
    private final List<IpNetwork> alwaysCloudFront = new ArrayList<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    /** [first alwaysCloudFront network + 1][region + 1]. */
    private final ClientClass[][] classes;
    private final Slice slice = new Slice();
    private int count;

    ClientClasses(RegionMap regions, List<String> alwaysCloudFront) {
        this.regions = regions;
        alwaysCloudFront.forEach(network -> this.alwaysCloudFront.add(IpNetwork.parse(network)));
        String[] names = regions.regions();
        for (int i = 0; i < names.length; i++) {
            regionIndex.put(names[i], i);
        }
        this.classes = new ClientClass[alwaysCloudFront.size() + 1][names.length + 1];
    }

    ClientClass of(byte[] bytes, int from, int to) {
        Slice address = slice;
        address.bytes = bytes;
        address.from = from;
        address.to = to;
        // Parsed once, then the map and the networks asked by number.
        int network = 0;
        String region = null;
        long ipv4 = IpLiteral.parseIpv4(address);
        if (ipv4 != IpLiteral.NOT_IPV4) {
            region = regions.regionOfIpv4((int) ipv4);
            for (int i = 0; i < alwaysCloudFront.size() && network == 0; i++) {
                network = alwaysCloudFront.get(i).containsIpv4(ipv4) ? i + 1 : 0;
            }
        } else if (IpLiteral.looksLikeIpv6(address)) {
            try {
                long high64 = IpLiteral.parseIpv6High64(address);
                region = regions.regionOfIpv6(high64);
                for (int i = 0; i < alwaysCloudFront.size() && network == 0; i++) {
                    network = alwaysCloudFront.get(i).containsIpv6High64(high64) ? i + 1 : 0;
                }
            } catch (IllegalArgumentException notAnAddress) {
                region = null;
            }
        }
        int row = region == null ? 0 : regionIndex.get(region) + 1;
        ClientClass known = classes[network][row];
        if (known == null) {
            known = new ClientClass(count++, region, address.toString());
            classes[network][row] = known;
        }
        return known;
    }
}
