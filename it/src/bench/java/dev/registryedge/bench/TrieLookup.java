package dev.registryedge.bench;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv6.IPv6AddressAssociativeTrie;
import java.util.List;

/** com.github.seancfoley:ipaddress, its associative address trie and longest-prefix match. */
final class TrieLookup {

    private final IPv4AddressAssociativeTrie<String> ipv4 = new IPv4AddressAssociativeTrie<>();
    private final IPv6AddressAssociativeTrie<String> ipv6 = new IPv6AddressAssociativeTrie<>();

    TrieLookup(List<Snapshot.Prefix> prefixes) {
        for (Snapshot.Prefix prefix : prefixes) {
            IPAddress block = new IPAddressString(prefix.cidr()).getAddress().toPrefixBlock();
            if (prefix.ipv6()) {
                ipv6.put(block.toIPv6(), prefix.region());
            } else {
                ipv4.put(block.toIPv4(), prefix.region());
            }
        }
    }

    String regionOf(int address) {
        var node = ipv4.longestPrefixMatchNode(new IPv4Address(address));
        return node == null ? null : node.getValue();
    }

    String regionOf(String literal) {
        IPAddress address = new IPAddressString(literal).getAddress();
        if (address == null) {
            return null;
        }
        var node = address.isIPv4() ? ipv4.longestPrefixMatchNode(address.toIPv4())
                : ipv6.longestPrefixMatchNode(address.toIPv6());
        return node == null ? null : node.getValue();
    }
}
