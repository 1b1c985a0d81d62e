package dev.registryedge.bench;

import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.ipmap.intervals.RegionTables;
import dev.registryedge.ipmap.ranges.IpRangesReader;
import dev.registryedge.ipmap.ranges.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One address lookup, each method on the same seeded addresses (EC2 prefixes of all selected
 * regions, as ours). Each call takes the next address of a 4,096-entry ring, so the cost of
 * walking the ring is the same in every method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LookupBenchmark {

    private Addresses addresses;
    private PerRegionSearch originalUs;
    private PerRegionSearch originalAll;
    private LinearScan linearIpv4;
    private LinearScan linearIpv6;
    private TrieLookup trie;
    private GuavaRanges guava;
    /** Interval starts of the same length as our IPv4 table, sign-flipped for signed compares. */
    private int[] limitStarts;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Snapshot snapshot = Snapshot.checkedIn();
        addresses = new Addresses(snapshot);
        List<Snapshot.Prefix> ec2v4 = snapshot.ec2(false);
        List<Snapshot.Prefix> ec2 = snapshot.all.stream().filter(p -> p.service().equals("EC2")).toList();
        originalUs = new PerRegionSearch(ec2v4, region -> region.startsWith("us-"));
        originalAll = new PerRegionSearch(ec2v4, region -> true);
        linearIpv4 = new LinearScan(ec2v4, 32);
        linearIpv6 = new LinearScan(snapshot.ec2(true), 64);
        trie = new TrieLookup(ec2);
        guava = new GuavaRanges(ec2);
        Path file = Path.of(System.getProperty("registryedge.root", ".."), "data/ip-ranges.json");
        long[] starts = RegionTables.build(IpRangesReader.read(Files.readAllBytes(file), file.toString()),
                Selection.defaults(), file.toString()).ipv4().starts();
        limitStarts = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            limitStarts[i] = (int) starts[i] ^ Integer.MIN_VALUE;
        }
    }

    private int nextIndex() {
        return next++ & (Addresses.COUNT - 1);
    }

    // --- pre-parsed IPv4 -------------------------------------------------------------------

    @Benchmark
    public String oursIpv4Parsed() {
        return AwsRegionMap.regionOfIpv4(addresses.ipv4[nextIndex()]);
    }

    /** The floor: a bare binary search over an int[] as long as ours, returning the index. */
    @Benchmark
    public int limitIpv4Parsed() {
        int key = addresses.ipv4[nextIndex()] ^ Integer.MIN_VALUE;
        int[] starts = limitStarts;
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= key) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    @Benchmark
    public String originalUsIpv4Parsed() {
        return originalUs.regionOf(addresses.ipv4[nextIndex()] & 0xffffffffL);
    }

    @Benchmark
    public String guavaIpv4Parsed() {
        return guava.regionOf(addresses.ipv4[nextIndex()] & 0xffffffffL);
    }

    @Benchmark
    public String trieIpv4Parsed() {
        return trie.regionOf(addresses.ipv4[nextIndex()]);
    }

    // --- IPv4 literal: parse and look up ---------------------------------------------------

    @Benchmark
    public String oursIpv4Literal() {
        return AwsRegionMap.regionOf(addresses.ipv4Literals[nextIndex()]);
    }

    @Benchmark
    public String originalUsIpv4Literal() {
        return originalUs.regionOf(addresses.ipv4Literals[nextIndex()]);
    }

    @Benchmark
    public String originalAllIpv4Literal() {
        return originalAll.regionOf(addresses.ipv4Literals[nextIndex()]);
    }

    @Benchmark
    public String linearIpv4Literal() {
        return linearIpv4.regionOfIpv4(addresses.ipv4Literals[nextIndex()]);
    }

    @Benchmark
    public String trieIpv4Literal() {
        return trie.regionOf(addresses.ipv4Literals[nextIndex()]);
    }

    @Benchmark
    public String guavaIpv4Literal() {
        return guava.regionOf(addresses.ipv4Literals[nextIndex()]);
    }

    // --- IPv6 literal ----------------------------------------------------------------------

    @Benchmark
    public String oursIpv6Literal() {
        return AwsRegionMap.regionOf(addresses.ipv6Literals[nextIndex()]);
    }

    @Benchmark
    public String linearIpv6Literal() {
        return linearIpv6.regionOfIpv6(addresses.ipv6Literals[nextIndex()]);
    }

    @Benchmark
    public String trieIpv6Literal() {
        return trie.regionOf(addresses.ipv6Literals[nextIndex()]);
    }

    @Benchmark
    public String guavaIpv6Literal() {
        return guava.regionOf(addresses.ipv6Literals[nextIndex()]);
    }
}
