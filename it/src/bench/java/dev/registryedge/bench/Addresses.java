package dev.registryedge.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * A fixed, seeded mix of client addresses: half inside EC2 ranges of many regions, a fifth in
 * AWS ranges that are not EC2, the rest anywhere (mostly outside AWS).
 */
final class Addresses {

    static final int COUNT = 4096;

    final int[] ipv4 = new int[COUNT];
    final String[] ipv4Literals = new String[COUNT];
    final String[] ipv6Literals = new String[COUNT];

    Addresses(Snapshot snapshot) {
        Random random = new Random(20261128);
        List<Snapshot.Prefix> ec2v4 = snapshot.ec2(false);
        List<Snapshot.Prefix> otherV4 = snapshot.notEc2(false);
        List<Snapshot.Prefix> ec2v6 = snapshot.ec2(true);
        List<Snapshot.Prefix> otherV6 = snapshot.notEc2(true);
        for (int i = 0; i < COUNT; i++) {
            int kind = random.nextInt(10);
            long v4 = kind < 5 ? inside(ec2v4.get(random.nextInt(ec2v4.size())), random)
                    : kind < 7 ? inside(otherV4.get(random.nextInt(otherV4.size())), random)
                    : random.nextInt() & 0xffffffffL;
            ipv4[i] = (int) v4;
            ipv4Literals[i] = ((v4 >>> 24) & 0xff) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + "." + (v4 & 0xff);
            long high = kind < 5 ? inside(ec2v6.get(random.nextInt(ec2v6.size())), random)
                    : kind < 7 ? inside(otherV6.get(random.nextInt(otherV6.size())), random)
                    : 0x2000_0000_0000_0000L | (random.nextLong() >>> 3);
            ipv6Literals[i] = text(high, random.nextLong());
        }
    }

    private static long inside(Snapshot.Prefix prefix, Random random) {
        return prefix.first() + (random.nextLong() & (prefix.last() - prefix.first()));
    }

    /** As a client's address reaches CloudFront: the JDK's text form, zeros not compressed. */
    private static String text(long high, long low) {
        try {
            return InetAddress.getByAddress(ByteBuffer.allocate(16).putLong(high).putLong(low).array()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
