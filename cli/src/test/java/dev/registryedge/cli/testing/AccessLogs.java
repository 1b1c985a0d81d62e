package dev.registryedge.cli.testing;

import static dev.registryedge.cli.testing.StandardLogs.blob;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

/**
 * One list of requests written in every format CloudFront delivers access logs in, each file
 * named and placed as its delivery names and places it: so that every format must give the
 * report the legacy standard log of the same requests gives.
 */
public final class AccessLogs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final String BUILD03 = "E2PBG0JIU6CTJY";

    private AccessLogs() {}

    /** The requests, each as every field a v2 log can have, by name. */
    public static List<Map<String, String>> requests() {
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

    /** The request's values of the fields named, in their order, between delimiters. */
    public static String delimited(List<String> names, String delimiter, Map<String, String> request) {
        List<String> values = new ArrayList<>();
        names.forEach(name -> values.add(request.get(name)));
        return String.join(delimiter, values);
    }

    /** A W3C file: the version and #Fields header, then the requests. */
    public static String w3c(List<String> names, String delimiter, List<Map<String, String>> requests) {
        StringBuilder text = new StringBuilder("#Version: 1.0\n#Fields: " + String.join(" ", names) + "\n");
        requests.forEach(request -> text.append(delimited(names, delimiter, request)).append('\n'));
        return text.toString();
    }

    /** A JSON record: sizes and statuses as numbers, as CloudFront writes them; "-" as null. */
    public static String json(List<String> names, Map<String, String> request) {
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

    public static final List<String> LEGACY = List.of(StandardLogs.FIELDS.substring("#Fields: ".length()).split(" "));
    /** v2's choice of fields, reordered, with the fields it added and without date and time. */
    public static final List<String> V2 = List.of("DistributionId", "timestamp", "c-ip", "cs-method", "cs-uri-stem",
            "sc-status", "sc-bytes", "x-edge-location", "x-edge-result-type", "x-edge-request-id", "cs(User-Agent)",
            "sc-content-len", "sc-range-start", "sc-range-end", "asn", "c-country", "origin-fbl", "origin-lbl",
            "cache-behavior-path-pattern", "timestamp(ms)", "time-taken");

    /** The text as a file, gzip or not, its folders made. */
    public static Path write(Path file, String text, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Per distribution, the requests' lines, since a legacy or Plain file holds one distribution. */
    public static Map<String, List<Map<String, String>>> byDistribution() {
        Map<String, List<Map<String, String>>> split = new LinkedHashMap<>();
        requests().forEach(r -> split.computeIfAbsent(r.get("DistributionId"), d -> new ArrayList<>()).add(r));
        return split;
    }

    /** The legacy fields and the distribution's id, as Firehose records carry them here. */
    public static final List<String> LEGACY_AND_ID = java.util.stream.Stream.concat(LEGACY.stream(),
            java.util.stream.Stream.of("DistributionId")).toList();

    /** When the request was logged, as a CloudWatch Logs export writes it before the record. */
    public static String instant(Map<String, String> request) {
        return java.time.Instant.ofEpochMilli(Long.parseLong(request.get("timestamp(ms)"))).toString();
    }

    /** Each request as {@code line} writes it, each followed by the separator. */
    public static String lines(List<Map<String, String>> requests, Function<Map<String, String>, String> line,
            String separator) {
        StringBuilder text = new StringBuilder();
        requests.forEach(r -> text.append(line.apply(r)).append(separator));
        return text.toString();
    }

    /**
     * The requests as a Parquet file: sizes and statuses as int64 columns, the rest strings, "-"
     * as null; with {@code typedTimestamp}, the time as one int64 column of Parquet's timestamp
     * type (milliseconds) named {@code timestamp}, instead of the two text ones.
     */
    public static void parquet(Path file, CompressionCodecName codec, boolean columnStoreNames, boolean typedTimestamp)
            throws IOException {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        Function<String, String> column = name -> columnStoreNames ? name.replaceAll("[^A-Za-z0-9]", "_") : name;
        List<String> names = new ArrayList<>(V2);
        if (typedTimestamp) {
            names.removeAll(List.of("timestamp", "timestamp(ms)"));
            builder.optional(PrimitiveType.PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
                    LogicalTypeAnnotation.TimeUnit.MILLIS)).named("timestamp");
        }
        for (String name : names) {
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
                if (typedTimestamp) {
                    row.append("timestamp", Long.parseLong(request.get("timestamp(ms)")));
                }
                for (String name : names) {
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

    static boolean isNumber(String name) {
        return name.equals("sc-bytes") || name.equals("sc-status") || name.equals("sc-content-len");
    }

    /** The legacy standard logs of the requests, one file per distribution, named as CloudFront names them. */
    public static Path legacy(Path logs) throws IOException {
        for (Map.Entry<String, List<Map<String, String>>> distribution : byDistribution().entrySet()) {
            write(logs.resolve(distribution.getKey() + ".2026-11-01-10.a1b2c3d4.gz"), w3c(LEGACY, "\t",
                    distribution.getValue()), true);
        }
        return logs;
    }

    /**
     * The requests in every other format, each in a directory of its own under {@code root}, by
     * the format's name: v2's W3C with each delimiter under a Hive-style path, Plain with the
     * standard fields in a folder named after the distribution, JSON lines, Firehose's records
     * one after another, a CloudWatch Logs export, and Parquet with each codec and with the
     * names a column store gives.
     */
    public static Map<String, Path> everyFormat(Path root) throws IOException {
        Map<String, Path> formats = new LinkedHashMap<>();
        for (String delimiter : List.of("\t", " ", ",", "|", ";")) {
            Path logs = root.resolve("w3c-" + (int) delimiter.charAt(0));
            write(logs.resolve("DistributionId=" + APP_CI + "/year=2026/month=11/day=01/hour=10/part-0001.gz"),
                    w3c(V2, delimiter, requests()), true);
            formats.put("v2 W3C, delimiter " + (delimiter.equals("\t") ? "tab" : "'" + delimiter + "'"), logs);
        }
        Path plain = root.resolve("plain");
        for (Map.Entry<String, List<Map<String, String>>> distribution : byDistribution().entrySet()) {
            StringBuilder text = new StringBuilder();
            distribution.getValue().forEach(r -> text.append(delimited(LEGACY, "\t", r)).append('\n'));
            write(plain.resolve(distribution.getKey()).resolve("2026/11/01/10/part-1.log"), text.toString(), false);
        }
        formats.put("v2 Plain, the standard fields, the folder naming the distribution", plain);
        Path json = root.resolve("json");
        write(json.resolve(APP_CI + "/2026/11/01/10/logs.json.gz"), lines(requests(), r -> json(V2, r), "\n"), true);
        formats.put("v2 JSON lines", json);
        Path firehose = root.resolve("firehose");
        write(firehose.resolve("2026/11/01/10/cloudfront-stream-1-2026-11-01-10-00-00-abcd"), lines(requests(),
                r -> json(LEGACY_AND_ID, r), ""), false);
        formats.put("Firehose, records one after another", firehose);
        Path export = root.resolve("export");
        write(export.resolve("0d2e6f3a/logstream/000000.gz"), lines(requests(), r -> instant(r) + " " + json(V2, r),
                "\n"), true);
        formats.put("CloudWatch Logs export", export);
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.GZIP,
                CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW, CompressionCodecName.UNCOMPRESSED)) {
            for (boolean columnStoreNames : new boolean[] {false, true}) {
                Path logs = root.resolve("parquet-" + codec + "-" + columnStoreNames);
                Files.createDirectories(logs);
                parquet(logs.resolve("part-00000.parquet"), codec, columnStoreNames, false);
                formats.put("Parquet, " + codec + (columnStoreNames ? ", column-store names" : ""), logs);
            }
        }
        Path typed = root.resolve("parquet-typed-timestamp");
        Files.createDirectories(typed);
        parquet(typed.resolve("part-00000.parquet"), CompressionCodecName.SNAPPY, false, true);
        formats.put("Parquet, a timestamp column of Parquet's timestamp type", typed);
        Path exportPlain = root.resolve("export-plain");
        for (Map.Entry<String, List<Map<String, String>>> distribution : byDistribution().entrySet()) {
            write(exportPlain.resolve(distribution.getKey()).resolve("logstream/000000.gz"), lines(distribution
                    .getValue(), r -> instant(r) + " " + delimited(LEGACY, "\t", r), "\n"), true);
        }
        formats.put("CloudWatch Logs export, Plain, the folder naming the distribution", exportPlain);
        List<String> millisOnly = new ArrayList<>(V2);
        millisOnly.remove("timestamp");
        Path bom = root.resolve("w3c-bom");
        write(bom.resolve("part-0001.log"), "\uFEFF" + w3c(millisOnly, "\t", requests()), false);
        formats.put("v2 W3C behind a byte order mark, timestamp(ms) the only time", bom);
        return formats;
    }
}
