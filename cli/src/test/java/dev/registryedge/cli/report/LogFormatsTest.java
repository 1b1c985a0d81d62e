package dev.registryedge.cli.report;

import static dev.registryedge.cli.testing.StandardLogs.blob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.cli.testing.StandardLogs;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format CloudFront delivers access logs in, each file written here from one list of
 * requests: each must give the report the legacy standard log of the same requests gives, with
 * no problem. The formats are told by content; the files are named as each delivery names them.
 */
class LogFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final String BUILD03 = "E2PBG0JIU6CTJY";

    @TempDir
    Path dir;
    private Prices prices;

    @BeforeEach
    void prices() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/report/prices.json")) {
            prices = Prices.read("report/prices.json", in);
        }
    }

    /** The requests, each as every field a v2 log can have, by name. */
    static List<Map<String, String>> requests() {
        List<Map<String, String>> requests = new ArrayList<>();
        // us-east-1 over IPv4 and IPv6, us-west-2, outside AWS with a range; a HEAD and a manifest;
        // the function's 307s (aa's size known from a 200, cc's from none); another distribution.
        requests.add(request(APP_CI, "2026-11-01T10:00:01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200,
                "Miss", GIB, null));
        requests.add(request(APP_CI, "2026-11-01T10:00:02", "IAD89-C1", 2 * GIB, "2600:1f18:4000::1", "GET",
                blob("bb"), 200, "Hit", 2 * GIB, null));
        requests.add(request(APP_CI, "2026-11-01T10:05:00", "IAD89-C1", GIB, "35.80.0.1", "GET", blob("aa"), 200, "Hit",
                GIB, null));
        requests.add(request(APP_CI, "2026-11-01T11:00:00", "FRA50-C1", GIB / 2, "8.8.8.8", "GET", blob("bb"), 206,
                "Hit", GIB / 2, "0"));
        requests.add(request(APP_CI, "2026-11-01T12:00:00", "IAD89-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200,
                "Hit", GIB, null));
        requests.add(request(APP_CI, "2026-11-01T12:00:01", "IAD89-C1", 900, "52.22.255.189", "GET",
                "/docker/registry/v2/repositories/a/_manifests/tags/latest/current/link", 200, "Hit", 71, null));
        requests.add(request(APP_CI, "2026-11-01T23:59:59", "IAD89-C1", 610, "52.22.255.189", "GET", blob("aa"), 307,
                "LambdaGeneratedResponse", -1, null));
        requests.add(request(APP_CI, "2026-11-02T00:00:00", "IAD89-C1", 610, "52.22.255.189", "GET", blob("cc"), 307,
                "LambdaGeneratedResponse", -1, null));
        requests.add(request(APP_CI, "2026-11-02T00:10:00", "IAD89-C1", 500, "3.12.0.1", "GET", blob("dd"), 403,
                "Error", 250, null));
        requests.add(request(BUILD03, "2026-11-02T07:00:00", "FRA50-C1", GIB, "3.12.0.1", "GET", blob("dd"), 200,
                "Miss", GIB, null));
        return requests;
    }

    private static Map<String, String> request(String distribution, String at, String edge, long scBytes, String ip,
            String method, String uri, int status, String resultType, long contentLength, String rangeStart) {
        LocalDateTime time = LocalDateTime.parse(at);
        long millis = time.toInstant(ZoneOffset.UTC).toEpochMilli() + 123;
        String[] legacy = StandardLogs.line(time.toLocalDate().toString(), edge, scBytes, ip, method, uri, status,
                "docker/24.0.7", resultType, contentLength, rangeStart == null ? null : rangeStart + " "
                        + (contentLength - 1)).split("\t");
        String[] names = StandardLogs.FIELDS.substring("#Fields: ".length()).split(" ");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            fields.put(names[i], legacy[i]);
        }
        fields.put("time", time.toLocalTime().toString().length() == 5 ? time.toLocalTime() + ":00"
                : time.toLocalTime().toString());
        fields.put("DistributionId", distribution);
        fields.put("timestamp", (millis / 1000) + "." + (millis % 1000));
        fields.put("timestamp(ms)", String.valueOf(millis));
        fields.put("asn", "16509");
        fields.put("c-country", "US");
        fields.put("origin-fbl", "0.001");
        fields.put("origin-lbl", "0.002");
        fields.put("cache-behavior-path-pattern", "/docker/registry/v2/blobs/*");
        return fields;
    }

    private static String delimited(List<String> names, String delimiter, Map<String, String> request) {
        List<String> values = new ArrayList<>();
        names.forEach(name -> values.add(request.get(name)));
        return String.join(delimiter, values);
    }

    private static String w3c(List<String> names, String delimiter, List<Map<String, String>> requests) {
        StringBuilder text = new StringBuilder("#Version: 1.0\n#Fields: " + String.join(" ", names) + "\n");
        requests.forEach(request -> text.append(delimited(names, delimiter, request)).append('\n'));
        return text.toString();
    }

    /** A JSON record: sizes and statuses as numbers, as CloudFront writes them; "-" as null. */
    private static String json(List<String> names, Map<String, String> request) {
        ObjectNode record = JSON.createObjectNode();
        for (String name : names) {
            String value = request.get(name);
            if (value.equals("-")) {
                record.putNull(name);
            } else if (isNumber(name)) {
                record.put(name, Long.parseLong(value));
            } else {
                record.put(name, value.replace("%20", " "));
            }
        }
        return record.toString();
    }

    private static final List<String> LEGACY = List.of(StandardLogs.FIELDS.substring("#Fields: ".length()).split(" "));
    /** v2's choice of fields, reordered, with the fields it added and without date and time. */
    private static final List<String> V2 = List.of("DistributionId", "timestamp", "c-ip", "cs-method", "cs-uri-stem",
            "sc-status", "sc-bytes", "x-edge-location", "x-edge-result-type", "x-edge-request-id", "cs(User-Agent)",
            "sc-content-len", "sc-range-start", "sc-range-end", "asn", "c-country", "origin-fbl", "origin-lbl",
            "cache-behavior-path-pattern", "timestamp(ms)", "time-taken");

    private static Path write(Path file, String text, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Per distribution, the requests' lines, since a legacy or Plain file holds one distribution. */
    private static Map<String, List<Map<String, String>>> byDistribution() {
        Map<String, List<Map<String, String>>> split = new LinkedHashMap<>();
        requests().forEach(r -> split.computeIfAbsent(r.get("DistributionId"), d -> new ArrayList<>()).add(r));
        return split;
    }

    private JsonNode report(Path logs, List<String> plainFields) throws Exception {
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, null, null, prices, 2, null, Bill.Elsewhere.NONE,
                        List.of(), plainFields));
        ObjectNode json = (ObjectNode) JSON.readTree(result.json().toString());
        assertEquals(0, json.at("/input/problems").asLong(), logs + ": " + json.at("/input/problemExamples"));
        ((ObjectNode) json.get("input")).remove("files");
        return json;
    }

    private JsonNode legacy() throws Exception {
        Path logs = dir.resolve("legacy");
        for (Map.Entry<String, List<Map<String, String>>> distribution : byDistribution().entrySet()) {
            write(logs.resolve(distribution.getKey() + ".2026-11-01-10.a1b2c3d4.gz"), w3c(LEGACY, "\t",
                    distribution.getValue()), true);
        }
        return report(logs, DelimitedLog.STANDARD_FIELDS);
    }

    @Test
    void theLegacyLogIsReadWhole() throws Exception {
        JsonNode legacy = legacy();
        assertEquals(10, legacy.at("/input/lines").asLong());
        assertEquals(7, legacy.at("/input/blobGets").asLong());
        assertEquals(3, legacy.at("/input/otherRequests").asLong());
        assertEquals(0, legacy.at("/input/redirectsOfUnknownOrigin").asLong());
    }

    @Test
    void w3cOfV2WithItsOwnFieldsAndAnyDelimiterUnderAHivePathGivesTheSameReport() throws Exception {
        JsonNode legacy = legacy();
        for (String delimiter : List.of("\t", " ", ",", "|", ";")) {
            Path logs = dir.resolve("w3c-" + (int) delimiter.charAt(0));
            write(logs.resolve("DistributionId=" + APP_CI + "/year=2026/month=11/day=01/hour=10/part-0001.gz"),
                    w3c(V2, delimiter, requests()), true);
            assertEquals(legacy, report(logs, DelimitedLog.STANDARD_FIELDS), "delimiter " + (int) delimiter.charAt(0));
        }
    }

    @Test
    void plainWithTheStandardFieldsOrTheFieldsNamedGivesTheSameReport() throws Exception {
        JsonNode legacy = legacy();
        Path standard = dir.resolve("plain-standard");
        for (Map.Entry<String, List<Map<String, String>>> distribution : byDistribution().entrySet()) {
            // No header and no DistributionId field: the folder names the distribution.
            StringBuilder text = new StringBuilder();
            distribution.getValue().forEach(r -> text.append(delimited(LEGACY, "\t", r)).append('\n'));
            write(standard.resolve(distribution.getKey()).resolve("2026/11/01/10/part-1.log"), text.toString(), false);
        }
        assertEquals(legacy, report(standard, DelimitedLog.STANDARD_FIELDS));

        Path named = dir.resolve("plain-named");
        StringBuilder text = new StringBuilder();
        requests().forEach(r -> text.append(delimited(V2, "|", r)).append('\n'));
        write(named.resolve("logs.gz"), text.toString(), true);
        assertEquals(legacy, report(named, V2));
    }

    @Test
    void jsonFirehoseAndCloudWatchExportsGiveTheSameReport() throws Exception {
        JsonNode legacy = legacy();
        Map<String, Function<List<Map<String, String>>, String>> formats = new LinkedHashMap<>();
        formats.put("json/E2KP8SMSY4XB67/2026/11/01/10/logs.json.gz", rs -> lines(rs, r -> json(V2, r), "\n"));
        // Firehose puts records one after another, with no line break between them.
        formats.put("firehose/2026/11/01/10/cloudfront-stream-1-2026-11-01-10-00-00-abcd", rs -> lines(rs,
                r -> json(LEGACY_AND_ID, r), ""));
        // A CloudWatch Logs export: each event behind its timestamp.
        formats.put("export/0d2e6f3a/logstream/000000.gz", rs -> lines(rs, r -> instant(r) + " " + json(V2, r), "\n"));
        for (Map.Entry<String, Function<List<Map<String, String>>, String>> format : formats.entrySet()) {
            Path logs = dir.resolve(format.getKey().substring(0, format.getKey().indexOf('/')));
            write(dir.resolve(format.getKey()), format.getValue().apply(requests()), format.getKey().endsWith(".gz"));
            assertEquals(legacy, report(logs, DelimitedLog.STANDARD_FIELDS), format.getKey());
        }
    }

    private static final List<String> LEGACY_AND_ID = new ArrayList<>(LEGACY);

    static {
        LEGACY_AND_ID.add("DistributionId");
    }

    private static String instant(Map<String, String> request) {
        return java.time.Instant.ofEpochMilli(Long.parseLong(request.get("timestamp(ms)"))).toString();
    }

    private static String lines(List<Map<String, String>> requests, Function<Map<String, String>, String> line,
            String separator) {
        StringBuilder text = new StringBuilder();
        requests.forEach(r -> text.append(line.apply(r)).append(separator));
        return text.toString();
    }

    @Test
    void parquetWithTheFieldsNamesOrAsAColumnStoreSpellsThemGivesTheSameReport() throws Exception {
        JsonNode legacy = legacy();
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.GZIP,
                CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW, CompressionCodecName.UNCOMPRESSED)) {
            for (boolean columnStoreNames : new boolean[] {false, true}) {
                Path logs = dir.resolve("parquet-" + codec + "-" + columnStoreNames);
                Files.createDirectories(logs);
                parquet(logs.resolve("part-00000.parquet"), codec, columnStoreNames);
                assertEquals(legacy, report(logs, DelimitedLog.STANDARD_FIELDS), codec + " " + columnStoreNames);
            }
        }
    }

    /** The requests as a Parquet file: sizes and statuses as int64 columns, the rest strings, "-" as null. */
    private static void parquet(Path file, CompressionCodecName codec, boolean columnStoreNames) throws IOException {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        Function<String, String> column = name -> columnStoreNames ? name.replaceAll("[^A-Za-z0-9]", "_") : name;
        for (String name : V2) {
            if (isNumber(name)) {
                builder.optional(PrimitiveType.PrimitiveTypeName.INT64).named(column.apply(name));
            } else {
                builder.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(column.apply(name));
            }
        }
        MessageType schema = builder.named("cloudfront");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (Map<String, String> request : requests()) {
                Group row = rows.newGroup();
                for (String name : V2) {
                    String value = request.get(name);
                    if (!value.equals("-")) {
                        if (isNumber(name)) {
                            row.append(column.apply(name), Long.parseLong(value));
                        } else {
                            row.append(column.apply(name), value);
                        }
                    }
                }
                writer.write(row);
            }
        }
    }

    private static boolean isNumber(String name) {
        return name.equals("sc-bytes") || name.equals("sc-status") || name.equals("sc-content-len");
    }

    @Test
    void withoutAResultTypeA307IsTheFunctionsOnlyWhenItsDecisionLogSaysSo() throws Exception {
        List<String> noResultType = new ArrayList<>(V2);
        noResultType.remove("x-edge-result-type");
        Path logs = dir.resolve("no-result-type");
        write(logs.resolve("part.gz"), w3c(noResultType, "\t", requests()), true);
        JsonNode report = report(logs, DelimitedLog.STANDARD_FIELDS);
        // Nothing says who made the two 307s: counted apart, not as the function's.
        assertEquals(2, report.at("/input/redirectsOfUnknownOrigin").asLong());
        assertEquals(5, report.at("/input/blobGets").asLong());
        assertEquals(0, report.at("/actual/totals/BUCKET/requests").asLong());

        // The function's decision line for one of them claims it.
        String requestId = requests().get(6).get("x-edge-request-id");
        Path decisions = Files.writeString(dir.resolve("decisions.log"), "2026-11-01T23:59:59.200Z\tabc\tINFO\t"
                + "{\"distributionId\":\"" + APP_CI + "\",\"requestId\":\"" + requestId + "\",\"outcome\":\"BUCKET\","
                + "\"target\":\"appci\"}\n");
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, null, null, prices, 2, null, Bill.Elsewhere.NONE,
                        List.of(decisions)));
        JsonNode claimed = JSON.readTree(result.json().toString());
        assertEquals(1, claimed.at("/input/redirectsOfUnknownOrigin").asLong());
        assertEquals(6, claimed.at("/input/blobGets").asLong());
        assertEquals(1, claimed.at("/actual/decisionLogs/redirectsAttributed").asLong());
    }
}
