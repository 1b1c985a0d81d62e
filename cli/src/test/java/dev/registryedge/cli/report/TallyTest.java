package dev.registryedge.cli.report;

import static dev.registryedge.cli.testing.StandardLogs.blob;
import static dev.registryedge.cli.testing.StandardLogs.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registryedge.cli.testing.StandardLogs;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tallies of several workers merged give what one tally of every file gives: cells, the 307s
 * whose size only another worker's file tells, unknown edges and the function's days. Each file
 * goes to a worker of its own here, whatever a scheduler would do.
 */
class TallyTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path logs;

    private static Tally tally(Prices prices) {
        return new Tally(new Replay(FixtureRouting.config(), FixtureRegionMap.map(), SavingsReport.Replicas.NONE, Set.of()),
                new Replay(FixtureRouting.config(), FixtureRegionMap.map(), SavingsReport.Replicas.ALL, Set.of()),
                FixtureRegionMap.map(), prices, Decisions.NONE);
    }

    private static Map<String, String> cells(Tally tally) {
        Map<String, String> cells = new TreeMap<>();
        tally.cells.forEach((cell, counts) -> cells.put(cell.toString(), counts.requests + " " + counts.bytes + " "
                + counts.unknownBytesRequests));
        return cells;
    }

    @Test
    void mergedTalliesEqualOneTallyOfEveryFile() throws Exception {
        Prices prices = TestPrices.table();
        // The 307 of blob aa is in one file; the full 200 that tells its size, in the other.
        Path redirects = StandardLogs.write(logs.resolve("E2KP8SMSY4XB67.2026-11-01-10.a.gz"), List.of(
                line("2026-11-01", "IAD89-C1", 610, "52.22.255.189", "GET", blob("aa"), 307, "docker",
                        "LambdaGeneratedResponse", -1, null),
                line("2026-11-01", "ZZZ1-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200, "docker", "Hit", GIB, null)));
        Path sizes = StandardLogs.write(logs.resolve("E2KP8SMSY4XB67.2026-11-02-10.b.gz"), List.of(
                line("2026-11-02", "FRA50-C1", GIB, "35.80.0.1", "GET", blob("aa"), 200, "docker", "Miss", GIB, null),
                line("2026-11-02", "IAD89-C1", 900, "8.8.8.8", "GET", "/v2/", 200, "docker", "Hit", 2, null),
                line("2026-11-02", "IAD89-C1", 610, "52.22.255.189", "GET", blob("bb"), 307, "docker",
                        "LambdaGeneratedResponse", -1, null)));

        Tally one = tally(prices);
        for (Path file : List.of(redirects, sizes)) {
            LogFile.read(file, DelimitedLog.STANDARD_FIELDS, "E2KP8SMSY4XB67", one, new Problems());
        }
        one.finish();
        one.resolve();

        Tally first = tally(prices);
        Tally second = tally(prices);
        LogFile.read(redirects, DelimitedLog.STANDARD_FIELDS, "E2KP8SMSY4XB67", first, new Problems());
        LogFile.read(sizes, DelimitedLog.STANDARD_FIELDS, "E2KP8SMSY4XB67", second, new Problems());
        first.finish();
        second.finish();
        first.merge(second);
        first.resolve();

        assertEquals(cells(one), cells(first));
        assertEquals(List.of(one.lines, one.blobGets, one.otherRequests), List.of(first.lines, first.blobGets,
                first.otherRequests));
        assertEquals(one.distinctBlobs(), first.distinctBlobs());
        assertEquals(one.functionDays, first.functionDays);
        assertEquals(one.unknownEdges.keySet(), first.unknownEdges.keySet());
        assertEquals(one.unknownEdges.get("ZZZ").requests, first.unknownEdges.get("ZZZ").requests);
        assertEquals(Set.of("E2KP8SMSY4XB67\t2026-11-01", "E2KP8SMSY4XB67\t2026-11-02"), first.functionDays);
        // aa's 307 got its size from the other worker's file; only bb's, which no file sizes, is of
        // unknown size: once in each of the four accounts (all CloudFront, with the function, its
        // upper bound, as logged).
        assertEquals(4, first.cells.values().stream().mapToLong(c -> c.unknownBytesRequests).sum());
    }
}
