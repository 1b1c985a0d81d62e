package dev.registryedge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudWatch's GetMetricData on 127.0.0.1, in the protocol the SDK's CloudWatch client of this
 * SDK version speaks: Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/
 * operation/GetMetricData}, CBOR bodies, the {@code smithy-protocol: rpc-v2-cbor} header,
 * timestamps as CBOR tag 1). Checks SigV4 (service {@code monitoring}) in any region, and keeps
 * each account's metrics in each region apart, told by the signing key and the signed region.
 * It is fed as CloudWatch is: {@link #ingest} takes a log event and, when it is an Embedded Metric
 * Format document, stores a data point per metric and dimension set; {@link #put} stores one
 * directly (AWS's own metrics: Lambda's, CloudFront's). Statistics: Sum, Average, Minimum,
 * Maximum, SampleCount and pNN (nearest rank).
 */
public final class CloudWatchStandIn implements AutoCloseable {

    /** One data point, as CloudWatch keeps it. */
    public record Datapoint(String namespace, String metric, Map<String, String> dimensions, long timestampMillis,
            double value) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private final LoopbackServer server;
    private final SigV4Verifier signatures;
    /** By account, then region. */
    private final Map<String, Map<String, List<Datapoint>>> metrics = new ConcurrentHashMap<>();
    /** Calls in order: "GetMetricData ACCOUNT REGION queries=N". */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public CloudWatchStandIn(AccessKeys keys) {
        this.signatures = new SigV4Verifier("monitoring", null, keys);
        server = new LoopbackServer(this::answer);
    }

    public URI uri() {
        return server.uri();
    }

    /** A data point of an AWS namespace (AWS/Lambda, AWS/CloudFront). */
    public void put(String account, String region, Datapoint datapoint) {
        points(account, region).add(datapoint);
    }

    /**
     * A log event written in {@code region}: an Embedded Metric Format document becomes one data
     * point per metric and dimension set, at its {@code _aws.Timestamp}; any other line is a plain
     * log line, as in CloudWatch Logs.
     *
     * @return how many data points the event gave
     */
    public int ingest(String account, String region, String event) {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (IOException notJson) {
            return 0;
        }
        if (root == null || !root.isObject() || !root.path("_aws").isObject()) {
            return 0;
        }
        long timestamp = root.at("/_aws/Timestamp").asLong();
        int added = 0;
        for (JsonNode directive : root.at("/_aws/CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText();
            for (JsonNode set : directive.path("Dimensions")) {
                Map<String, String> dimensions = new TreeMap<>();
                set.forEach(name -> dimensions.put(name.asText(), root.path(name.asText()).asText()));
                for (JsonNode metric : directive.path("Metrics")) {
                    JsonNode value = root.path(metric.path("Name").asText());
                    for (JsonNode each : value.isArray() ? value : List.of(value)) {
                        if (each.isNumber()) {
                            put(account, region, new Datapoint(namespace, metric.path("Name").asText(), dimensions,
                                    timestamp, each.asDouble()));
                            added++;
                        }
                    }
                }
            }
        }
        return added;
    }

    private List<Datapoint> points(String account, String region) {
        return metrics.computeIfAbsent(account, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(region, r -> new CopyOnWriteArrayList<>());
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = signatures.problem(exchange, body);
        if (problem != null) {
            error(exchange, 403, "AccessDenied", problem);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (!"rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("smithy-protocol"))
                || !path.startsWith("/service/GraniteServiceVersion20100801/operation/")) {
            error(exchange, 400, "UnknownOperationException", "not a Smithy RPC v2 CBOR request: " + path);
            return;
        }
        String operation = path.substring(path.lastIndexOf('/') + 1);
        if (!operation.equals("GetMetricData")) {
            error(exchange, 400, "UnknownOperationException", operation);
            return;
        }
        JsonNode request = CBOR.readTree(body);
        String account = signatures.account(exchange);
        String region = signatures.region(exchange);
        JsonNode queries = request.path("MetricDataQueries");
        calls.add("GetMetricData " + account + " " + region + " queries=" + queries.size());
        if (queries.size() == 0 || queries.size() > 500) {
            error(exchange, 400, "InvalidParameterValue", "MetricDataQueries must hold 1 to 500 queries");
            return;
        }
        long start = (long) (request.path("StartTime").asDouble() * 1000);
        long end = (long) (request.path("EndTime").asDouble() * 1000);
        if (end <= start) {
            error(exchange, 400, "InvalidParameterValue", "The parameter EndTime must be greater than StartTime.");
            return;
        }
        List<Datapoint> stored = points(account, region);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = (CBORGenerator) CBOR.getFactory().createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeFieldName("MetricDataResults");
            cbor.writeStartArray();
            for (JsonNode query : queries) {
                String id = query.path("Id").asText();
                if (!id.matches("[a-z][a-zA-Z0-9_]{0,254}")) {
                    error(exchange, 400, "InvalidParameterValue", "The value " + id + " for parameter"
                            + " MetricDataQueries.member.Id is not valid.");
                    return;
                }
                JsonNode stat = query.path("MetricStat");
                JsonNode metric = stat.path("Metric");
                Map<String, String> dimensions = new TreeMap<>();
                metric.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
                long period = stat.path("Period").asLong() * 1000;
                if (period <= 0 || period % 60_000 != 0) {
                    error(exchange, 400, "InvalidParameterValue", "Period must be a multiple of 60 seconds");
                    return;
                }
                Map<Long, List<Double>> buckets = new TreeMap<>(java.util.Comparator.reverseOrder());
                for (Datapoint point : stored) {
                    if (point.namespace().equals(metric.path("Namespace").asText())
                            && point.metric().equals(metric.path("MetricName").asText())
                            && point.dimensions().equals(dimensions) && point.timestampMillis() >= start
                            && point.timestampMillis() < end) {
                        long bucket = start + (point.timestampMillis() - start) / period * period;
                        buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(point.value());
                    }
                }
                cbor.writeStartObject();
                cbor.writeStringField("Id", id);
                cbor.writeStringField("Label", metric.path("MetricName").asText());
                cbor.writeFieldName("Timestamps");
                cbor.writeStartArray();
                for (long bucket : buckets.keySet()) {
                    cbor.writeTag(1);
                    cbor.writeNumber(bucket / 1000.0);
                }
                cbor.writeEndArray();
                cbor.writeFieldName("Values");
                cbor.writeStartArray();
                for (List<Double> values : buckets.values()) {
                    cbor.writeNumber(statistic(stat.path("Stat").asText(), values));
                }
                cbor.writeEndArray();
                cbor.writeStringField("StatusCode", "Complete");
                cbor.writeEndObject();
            }
            cbor.writeEndArray();
            cbor.writeEndObject();
        }
        reply(exchange, 200, out.toByteArray());
    }

    private static double statistic(String stat, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return switch (stat) {
            case "Sum" -> sum;
            case "Average" -> sum / sorted.size();
            case "Minimum" -> sorted.get(0);
            case "Maximum" -> sorted.get(sorted.size() - 1);
            case "SampleCount" -> sorted.size();
            default -> {
                if (!stat.matches("p\\d{1,2}(\\.\\d+)?")) {
                    throw new IllegalArgumentException("statistic " + stat);
                }
                double rank = Double.parseDouble(stat.substring(1)) / 100 * sorted.size();
                yield sorted.get(Math.max(0, (int) Math.ceil(rank) - 1));
            }
        };
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("__type", "com.amazonaws.cloudwatch#" + code);
        error.put("message", message);
        reply(exchange, status, CBOR.writeValueAsBytes(error));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/cbor");
        exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Every stored data point of an account in a region, for tests to look at. */
    public List<Datapoint> stored(String account, String region) {
        return List.copyOf(points(account, region));
    }

    @Override
    public void close() {
        server.close();
    }
}
