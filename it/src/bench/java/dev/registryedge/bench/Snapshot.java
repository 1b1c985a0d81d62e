package dev.registryedge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The checked-in ip-ranges.json as plain prefixes, for the alternatives to build from. */
final class Snapshot {

    /** One prefix; IPv4 as unsigned 32-bit, IPv6 by its top 64 bits (all EC2 prefixes fit). */
    record Prefix(boolean ipv6, String cidr, long first, long last, int length, String region, String service) {}

    final List<Prefix> all = new ArrayList<>();

    Snapshot(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode entry : root.get("prefixes")) {
                add(false, entry.get("ip_prefix").asText(), entry);
            }
            for (JsonNode entry : root.get("ipv6_prefixes")) {
                add(true, entry.get("ipv6_prefix").asText(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(boolean ipv6, String cidr, JsonNode entry) throws UnknownHostException {
        int slash = cidr.indexOf('/');
        int length = Integer.parseInt(cidr.substring(slash + 1));
        int bits = ipv6 ? 64 : 32;
        if (length > bits) {
            return;
        }
        byte[] bytes = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        long first = new BigInteger(1, bytes).shiftRight(ipv6 ? 64 : 0).longValue();
        long host = bits - length == 64 ? -1L : (1L << (bits - length)) - 1;
        all.add(new Prefix(ipv6, cidr, first, first | host, length, entry.get("region").asText(),
                entry.get("service").asText()));
    }

    List<Prefix> ec2(boolean ipv6) {
        return all.stream().filter(p -> p.ipv6() == ipv6 && p.service().equals("EC2")).toList();
    }

    List<Prefix> notEc2(boolean ipv6) {
        return all.stream().filter(p -> p.ipv6() == ipv6 && !p.service().equals("EC2") && !p.service().equals("AMAZON"))
                .toList();
    }

    static Snapshot checkedIn() {
        return new Snapshot(Path.of(System.getProperty("registryedge.root", ".."), "data/ip-ranges.json"));
    }
}
