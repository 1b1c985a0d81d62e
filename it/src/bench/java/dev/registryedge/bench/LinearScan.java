package dev.registryedge.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The registry's CloudFront middleware method: walk every prefix and test containment; the
 * first that contains the address wins.
 */
final class LinearScan {

    private final long[] networks;
    private final long[] masks;
    private final String[] regions;

    LinearScan(List<Snapshot.Prefix> prefixes, int bits) {
        networks = new long[prefixes.size()];
        masks = new long[prefixes.size()];
        regions = new String[prefixes.size()];
        for (int i = 0; i < prefixes.size(); i++) {
            Snapshot.Prefix prefix = prefixes.get(i);
            networks[i] = prefix.first();
            masks[i] = ~(prefix.last() - prefix.first()) & (bits == 64 ? -1L : 0xffffffffL);
            regions[i] = prefix.region();
        }
    }

    String regionOf(long key) {
        for (int i = 0; i < networks.length; i++) {
            if ((key & masks[i]) == networks[i]) {
                return regions[i];
            }
        }
        return null;
    }

    String regionOfIpv4(String literal) {
        return regionOf(Literals.dottedQuad(literal));
    }

    String regionOfIpv6(String literal) {
        try {
            return regionOf(ByteBuffer.wrap(InetAddress.getByName(literal).getAddress()).getLong());
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
