package dev.registryedge.cli.report;

import static dev.registryedge.cli.testing.StandardLogs.blob;
import static dev.registryedge.cli.testing.StandardLogs.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.cli.testing.StandardLogs;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs hold what clients sent, and files can be corrupt or made to hurt: each input here is a
 * problem the report names, and the rest of the report is produced. Each test failed before the
 * reader was made to hold (the gzip bomb ended the report with NegativeArraySizeException; the
 * huge sc-bytes made a negative total; the impossible date and the duplicated field were taken).
 */
class HostileLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final long GIB = 1L << 30;

    @TempDir
    Path logs;
    @TempDir
    Path elsewhere;
    private Prices prices;

    @BeforeEach
    void prices() {
        prices = TestPrices.table();
    }

    private static String good(String blobPair) {
        return line("2026-11-01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob(blobPair), 200, "docker", "Miss", GIB,
                null);
    }

    private JsonNode report() throws Exception {
        return JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, SavingsReport.Replicas.NONE, null, prices, 2, null))
                .json().toString());
    }

    private static List<String> examples(JsonNode report) {
        List<String> examples = new ArrayList<>();
        report.at("/input/problemExamples").forEach(example -> examples.add(example.asText()));
        return examples;
    }

    /**
     * A 2 MB gzip file that inflates to one line of 2.25 GB, then a good request: written as the
     * same gzip member of 64 MiB of one byte, 36 times over (gzip readers read members one after
     * another), so that the test makes it in a moment.
     */
    @Test
    void aGzipBombOfOneLineIsAProblemAndTheRestIsRead() throws Exception {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(member)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                gzip.write(chunk);
            }
        }
        Path bomb = logs.resolve(APP_CI + ".2026-11-01-10.bomb.gz");
        try (OutputStream out = Files.newOutputStream(bomb)) {
            gzipped(out, "#Version: 1.0\n" + StandardLogs.FIELDS + "\n");
            for (int i = 0; i < 36; i++) {
                member.writeTo(out);
            }
            gzipped(out, "\n" + good("bb") + "\n");
        }
        assertTrue(Files.size(bomb) < 3_000_000, Files.size(bomb) + " bytes");
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-11.good.gz"), List.of(good("aa")));

        JsonNode report = report();
        assertEquals(List.of(bomb + ":3: longer than 65536 bytes; skipped"), examples(report));
        assertEquals(1, report.at("/input/problems").asLong());
        // Both good requests: the one after the bomb, and the other file's.
        assertEquals(2, report.at("/input/blobGets").asLong());
        assertEquals(3, report.at("/input/lines").asLong());
    }

    private static void gzipped(OutputStream out, String text) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(member)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        member.writeTo(out);
    }

    @Test
    void aJsonRecordOrValueBeyondTheLimitIsAProblem() throws Exception {
        String record = "{\"date\":\"2026-11-01\",\"x-edge-location\":\"IAD89-C1\",\"sc-bytes\":1073741824,"
                + "\"c-ip\":\"52.22.255.189\",\"cs-method\":\"GET\",\"cs-uri-stem\":\"" + blob("aa") + "\","
                + "\"sc-status\":200,\"DistributionId\":\"" + APP_CI + "\"";
        Files.writeString(logs.resolve("records.json"), record + ",\"cs(Cookie)\":\"" + "c".repeat(200_000) + "\"}\n"
                + record + "}\n");
        Files.writeString(logs.resolve("value.json"), record.replace(blob("aa"), "/" + "p".repeat(100_000)) + "}\n");
        JsonNode report = report();
        assertEquals(List.of(logs.resolve("records.json") + ":1: a record longer than 65536 bytes; skipped",
                logs.resolve("value.json") + ":1: a value longer or nested deeper than CloudFront writes (strings of"
                        + " 65536 bytes at most); the rest of the file is skipped"), examples(report));
        assertEquals(1, report.at("/input/blobGets").asLong());
    }

    @Test
    void numbersNoResponseCanHaveAndDaysThatAreNoDaysAreProblems() throws Exception {
        Path file = StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.numbers.gz"), List.of(
                line("2026-11-01", "IAD89-C1", 999_999_999_999_999_999L, "52.22.255.189", "GET", blob("aa"), 200,
                        "docker", "Miss", GIB, null),
                line("2026-11-01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss",
                        (5L << 40) + 1, null),
                line("2026-02-30", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss", GIB,
                        null),
                line("2026-13-01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss", GIB,
                        null),
                line("2026-11-01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 999, "docker", "Miss", GIB,
                        null),
                good("bb")));
        JsonNode report = report();
        assertEquals(List.of(
                file + ":3: sc-bytes '999999999999999999' is not a size one response can have (0 to 5497558138880)",
                file + ":4: sc-content-len '5497558138881' is not a size one response can have (0 to 5497558138880)",
                file + ":5: date '2026-02-30' is no day between 2000-01-01 and 2099-12-31",
                file + ":6: date '2026-13-01' is no day between 2000-01-01 and 2099-12-31",
                file + ":7: sc-status '999' is not an HTTP status"), examples(report));
        assertEquals(1, report.at("/input/blobGets").asLong());
        assertTrue(report.at("/usd/allCloudFront").asDouble() > 0);
        assertEquals(GIB, report.at("/totals/CLOUDFRONT/bytes").asLong() + report.at("/totals/BUCKET/bytes").asLong());
    }

    @Test
    void aCorruptParquetFileIsAProblemAndTheRestIsRead() throws Exception {
        Path corrupt = Files.write(logs.resolve("part-00000.parquet"), ("PAR1" + "x".repeat(5000) + "PAR1")
                .getBytes(StandardCharsets.US_ASCII));
        // Parquet inside gzip: sniffed as Parquet once inflated, but Parquet's reader needs the file as written.
        Path parquet = elsewhere.resolve("part.parquet");
        dev.registryedge.cli.testing.AccessLogs.parquet(parquet, CompressionCodecName.SNAPPY, false, false);
        Path gzipped = logs.resolve("part-00001.parquet.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(parquet, out);
        }
        // Two columns that are one field as a column store spells it.
        Path twice = logs.resolve("part-00002.parquet");
        MessageType schema = Types.buildMessage().optional(PrimitiveType.PrimitiveTypeName.INT64).named("sc-bytes")
                .optional(PrimitiveType.PrimitiveTypeName.INT64).named("sc_bytes").named("cloudfront");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(twice))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("sc-bytes", 1L).append("sc_bytes", 2L));
        }
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-12.good.gz"), List.of(good("bb")));
        JsonNode report = report();
        List<String> examples = examples(report);
        assertEquals(3, examples.size(), examples.toString());
        assertTrue(examples.get(0).startsWith(corrupt + ":0: not Parquet this build can read ("), examples.toString());
        assertTrue(examples.get(0).endsWith("); the rest of the file is skipped"), examples.toString());
        assertEquals(gzipped + ":0: Parquet inside gzip: Parquet compresses its own pages, and its reader needs the"
                + " file as written; gunzip it first", examples.get(1));
        assertEquals(twice + ":0: the columns sc-bytes and sc_bytes are both sc-bytes, so which value counts is"
                + " unknown; the file is skipped", examples.get(2));
        assertEquals(1, report.at("/input/blobGets").asLong());
    }

    @Test
    void decisionLogsWithALineTooLongOrATruncatedEndAreProblemsAndTheRestIsRead() throws Exception {
        String requestId = "req-decided";
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.redirect.gz"), List.of(line("2026-11-01", "IAD89-C1",
                610, "52.22.255.189", "GET", blob("aa"), 307, "docker", "LambdaGeneratedResponse", -1, null,
                requestId)));
        String decision = "2026-11-01T10:00:00.000Z\tabc\tINFO\t{\"distributionId\":\"" + APP_CI + "\",\"requestId\":\""
                + requestId + "\",\"outcome\":\"BUCKET\",\"target\":\"appci\"}\n";
        Path decisions = elsewhere.resolve("decisions.log.gz");
        StandardLogs.write(decisions, "x".repeat(100_000) + "\n" + decision);
        Path truncated = elsewhere.resolve("truncated.gz");
        StandardLogs.write(truncated, decision.repeat(3));
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 8));
        JsonNode report = JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, SavingsReport.Replicas.NONE, null, prices, 2, null,
                        Bill.Elsewhere.NONE, List.of(decisions, truncated))).json().toString());
        List<String> examples = examples(report);
        assertEquals(2, examples.size(), examples.toString());
        assertEquals(decisions + ":1: longer than 65536 bytes; skipped", examples.get(0));
        assertTrue(examples.get(1).startsWith(truncated + ":"), examples.toString());
        assertTrue(examples.get(1).endsWith(": truncated or corrupt gzip; the decision lines before were read"),
                examples.toString());
        assertEquals(1, report.at("/actual/decisionLogs/redirectsAttributed").asLong());
    }

    @Test
    void aSignedOrImpossibleDayOrTimestampIsAProblemNotADay() throws Exception {
        Path file = StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.signs.gz"), List.of(
                line("2026-+1-05", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss", GIB,
                        null),
                line("2026-11-+1", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss", GIB,
                        null),
                good("bb")));
        String record = "{\"x-edge-location\":\"IAD89-C1\",\"sc-bytes\":1,\"c-ip\":\"52.22.255.189\","
                + "\"cs-method\":\"GET\",\"cs-uri-stem\":\"" + blob("aa") + "\",\"sc-status\":200,"
                + "\"DistributionId\":\"" + APP_CI + "\"";
        Path json = Files.writeString(logs.resolve("times.json"), record + ",\"timestamp\":\"99999999999.5\"}\n"
                + record + ",\"timestamp\":\"17x.5\"}\n" + record + ",\"timestamp(ms)\":\"-5\"}\n"
                + record + ",\"timestamp\":\"1762000000.1\",\"sc-bytes\":2}\n");
        JsonNode report = report();
        assertEquals(List.of(file + ":3: date '2026-+1-05' is no day between 2000-01-01 and 2099-12-31",
                file + ":4: date '2026-11-+1' is no day between 2000-01-01 and 2099-12-31",
                json + ":1: timestamp '99999999999.5' is no day between 2000-01-01 and 2099-12-31",
                json + ":2: timestamp '17x.5' is no day between 2000-01-01 and 2099-12-31",
                json + ":3: timestamp(ms) '-5' is no day between 2000-01-01 and 2099-12-31"), examples(report));
        assertEquals(6, report.at("/input/problems").asLong(), "and the record naming sc-bytes twice");
        assertEquals(1, report.at("/input/blobGets").asLong());
        assertEquals(java.util.Set.of("2026-11-01"), iterable(report.get("days").fieldNames()));
    }

    private static java.util.Set<String> iterable(java.util.Iterator<String> names) {
        java.util.Set<String> set = new java.util.TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    /**
     * A comma-delimited v2 file whose first request's user agent holds one space fewer than there
     * are fields: split at spaces it has the right number of fields, but no status where the
     * status goes, so the comma is chosen and every line is read.
     */
    @Test
    void aUserAgentCannotChooseTheDelimiter() throws Exception {
        List<Map<String, String>> requests = dev.registryedge.cli.testing.AccessLogs.requests();
        List<String> fields = dev.registryedge.cli.testing.AccessLogs.V2;
        requests.get(0).put("cs(User-Agent)", "x" + " x".repeat(fields.size() - 1));
        dev.registryedge.cli.testing.AccessLogs.write(logs.resolve("part.gz"), dev.registryedge.cli.testing.AccessLogs
                .w3c(fields, ",", requests), true);
        JsonNode report = report();
        assertEquals(0, report.at("/input/problems").asLong(), examples(report).toString());
        assertEquals(10, report.at("/input/lines").asLong());
    }

    /**
     * Any client can ask for digests that do not exist, and for long URLs: answered 404, they
     * are counted, but kept nowhere (no blob, no table entry for a URL that is no blob's).
     */
    @Test
    void madeUpDigestsAndLongUrlsCostNoMemory() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String digest = String.format("%064x", i);
            lines.add(line("2026-11-01", "IAD89-C1", 500, "52.22.255.189", "GET", "/docker/registry/v2/blobs/sha256/"
                    + digest.substring(0, 2) + "/" + digest + "/data", 404, "docker", "Error", 250, null));
            lines.add(line("2026-11-01", "IAD89-C1", 500, "52.22.255.189", "GET", "/v2/" + "x".repeat(8_000) + i, 404,
                    "docker", "Error", 250, null));
        }
        lines.add(good("aa"));
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.made-up.gz"), lines);
        JsonNode report = report();
        assertEquals(4_001, report.at("/input/lines").asLong());
        assertEquals(1, report.at("/input/distinctBlobs").asLong(), "only the blob a 200 showed");
        assertEquals(4_000, report.at("/input/otherRequests").asLong());
    }

    @Test
    void aFieldNamedTwiceIsAProblemForItsFile() throws Exception {
        Path file = StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.twice.gz"), "#Version: 1.0\n"
                + StandardLogs.FIELDS + " sc-bytes\n" + good("aa") + "\t5\n");
        Path alias = StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-11.alias.gz"), "#Version: 1.0\n"
                + StandardLogs.FIELDS + " cs-user-agent\n" + good("aa") + "\tdocker\n");
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-12.good.gz"), List.of(good("bb")));
        JsonNode report = report();
        assertEquals(List.of(file + ":2: the fields name sc-bytes twice, so which value counts is unknown; the file"
                + " is skipped", alias + ":2: the fields name cs-user-agent twice, so which value counts is unknown;"
                + " the file is skipped"), examples(report));
        assertEquals(1, report.at("/input/blobGets").asLong());
    }

    /**
     * Paths that differ only where a weak hash does not look (bytes 4 to 23) are each their own
     * entry, and a lookup never compares more than a bounded number of entries whatever the
     * input; the time such a flood takes beside a control input is the benchmark's to measure.
     */
    @Test
    void theInternerKeepsSlicesThatDifferAnywhereApartAndBoundsItsProbes() {
        Interner<Object> interner = new Interner<>(1_000_000, false);
        List<Interner.Entry<Object>> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] path = ("/v2/" + String.format("%020d", i) + "/blobs/sha256/aa/data").getBytes(StandardCharsets.US_ASCII);
            entries.add(interner.intern(path, 0, path.length));
        }
        for (int i = 0; i < entries.size(); i++) {
            assertEquals("/v2/" + String.format("%020d", i) + "/blobs/sha256/aa/data", entries.get(i).text());
        }
        byte[] again = ("/v2/" + String.format("%020d", 77) + "/blobs/sha256/aa/data").getBytes(StandardCharsets.US_ASCII);
        assertSame(entries.get(77), interner.intern(again, 0, again.length));
        assertNotSame(entries.get(77), entries.get(78));
    }

    /** Slices that all collide (a hash that is one number) are answered, each after at most MAX_PROBES comparisons. */
    @Test
    void slicesThatAllCollideCostABoundedNumberOfComparisons() {
        Interner<Object> interner = new Interner<>(1_000_000, false, (buffer, from, to) -> 42);
        List<byte[]> slices = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            slices.add(("/v2/" + String.format("%020d", i)).getBytes(StandardCharsets.US_ASCII));
        }
        List<Interner.Entry<Object>> first = new ArrayList<>();
        slices.forEach(slice -> first.add(interner.intern(slice, 0, slice.length)));
        for (int i = 0; i < slices.size(); i++) {
            Interner.Entry<Object> again = interner.intern(slices.get(i), 0, slices.get(i).length);
            assertEquals(new String(slices.get(i), StandardCharsets.US_ASCII), again.text());
            // The first MAX_PROBES are kept and found again; the rest get entries of their own.
            if (i < Interner.MAX_PROBES) {
                assertSame(first.get(i), again, "slice " + i);
            } else {
                assertNotSame(first.get(i), again, "slice " + i);
            }
        }
    }
}
