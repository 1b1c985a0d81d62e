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
 * CloudWatch's GetMetricData, PutDashboard and PutMetricAlarm on 127.0.0.1, in the protocol the SDK's CloudWatch client of this
 * SDK version speaks: Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/
 * operation/GetMetricData}, CBOR bodies, the {@code smithy-protocol: rpc-v2-cbor} header,
 * timestamps as CBOR tag 1). Checks SigV4 (service {@code monitoring}) in any region, and keeps
 * each account's metrics in each region apart, told by the signing key and the signed region.
 * It is fed as CloudWatch is: {@link #ingest} takes a log event and, when it is an Embedded Metric
 * Format document, stores a data point per metric and dimension set; {@link #put} stores one
 * directly (AWS's own metrics: Lambda's, CloudFront's). Statistics: Sum, Average, Minimum,
 * Maximum, SampleCount and pNN (nearest rank). PutDashboard and PutMetricAlarm store what they
 * are given after the checks CloudWatch documents, for tests to look at.
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
    private final Map<String, Map<String, JsonNode>> dashboards = new ConcurrentHashMap<>();
    /** Regions whose GetMetricData answers Throttling, as CloudWatch does past its request rate. */
    public final java.util.Set<String> throttled = ConcurrentHashMap.newKeySet();
    /** By "account region", then alarm name. */
    private final Map<String, Map<String, JsonNode>> alarms = new ConcurrentHashMap<>();
    /** Calls in order: "GetMetricData ACCOUNT REGION queries=N", "PutDashboard ACCOUNT NAME", "PutMetricAlarm ACCOUNT REGION NAME". */
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
        JsonNode request = CBOR.readTree(body);
        String account = signatures.account(exchange);
        String region = signatures.region(exchange);
        if (operation.equals("PutDashboard")) {
            putDashboard(exchange, account, request);
            return;
        }
        if (operation.equals("PutMetricAlarm")) {
            putMetricAlarm(exchange, account, region, request);
            return;
        }
        if (!operation.equals("GetMetricData")) {
            error(exchange, 400, "UnknownOperationException", operation);
            return;
        }
        if (throttled.contains(region)) {
            calls.add("GetMetricData " + account + " " + region + " throttled");
            error(exchange, 400, "Throttling", "Rate exceeded");
            return;
        }
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
                        // Periods are aligned to the clock, not to StartTime, as CloudWatch aggregates.
                        long bucket = point.timestampMillis() / period * period;
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

    /**
     * Stores a dashboard, global in its account as in CloudWatch, after the checks the dashboard
     * body's documented structure allows: at most 500 widgets on a grid 24 wide, metric arrays of
     * namespace, name and dimension pairs with one optional options object, expression ids that
     * are unique and refer only to ids of the same widget.
     */
    private void putDashboard(HttpExchange exchange, String account, JsonNode request) throws IOException {
        String name = request.path("DashboardName").asText();
        calls.add("PutDashboard " + account + " " + name);
        String problem = null;
        JsonNode dashboard = null;
        if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
            problem = "DashboardName " + name;
        } else {
            try {
                dashboard = JSON.readTree(request.path("DashboardBody").asText());
                problem = dashboardProblem(dashboard);
            } catch (IOException notJson) {
                problem = "DashboardBody is not JSON: " + notJson.getMessage();
            }
        }
        if (problem != null) {
            error(exchange, 400, "InvalidParameterInput", "The field DashboardBody must be a valid JSON object: "
                    + problem);
            return;
        }
        dashboards.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).put(name, dashboard);
        reply(exchange, 200, CBOR.writeValueAsBytes(Map.of("DashboardValidationMessages", List.of())));
    }

    private static String dashboardProblem(JsonNode dashboard) {
        JsonNode widgets = dashboard.path("widgets");
        if (!widgets.isArray() || widgets.size() > 500) {
            return "widgets must be an array of at most 500";
        }
        for (JsonNode widget : widgets) {
            String type = widget.path("type").asText();
            if (!List.of("metric", "text", "alarm", "log", "explorer").contains(type)) {
                return "widget type " + type;
            }
            int x = widget.path("x").asInt(0);
            int width = widget.path("width").asInt(6);
            if (x < 0 || width < 1 || x + width > 24 || widget.path("height").asInt(6) < 1) {
                return "widget outside the grid of 24: " + widget.path("properties").path("title").asText();
            }
            if (type.equals("metric")) {
                String problem = metricsProblem(widget.path("properties").path("metrics"));
                if (problem != null) {
                    return widget.path("properties").path("title").asText() + ": " + problem;
                }
            }
        }
        return null;
    }

    private static String metricsProblem(JsonNode metrics) {
        if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > 500) {
            return "metrics must hold 1 to 500";
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<String> expressions = new ArrayList<>();
        for (JsonNode metric : metrics) {
            if (!metric.isArray() || metric.isEmpty()) {
                return "each metric is an array";
            }
            JsonNode last = metric.get(metric.size() - 1);
            int strings = last.isObject() ? metric.size() - 1 : metric.size();
            for (int i = 0; i < strings; i++) {
                if (!metric.get(i).isTextual()) {
                    return "metric " + metric + ": names and values are strings";
                }
            }
            if (strings > 0 && (strings < 2 || strings % 2 != 0 || strings > 2 + 2 * 30)) {
                return "metric " + metric + ": namespace, name and dimension pairs";
            }
            if (last.isObject()) {
                String id = last.path("id").asText(null);
                if (id != null && (!id.matches("[a-z][a-zA-Z0-9_]*") || !ids.add(id))) {
                    return "id " + id + " invalid or repeated";
                }
                if (strings == 0) {
                    if (!last.path("expression").isTextual()) {
                        return "a metric without names must be an expression";
                    }
                    expressions.add(last.path("expression").asText());
                }
            } else if (strings == 0) {
                return "empty metric";
            }
        }
        for (String expression : expressions) {
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b([a-z][a-zA-Z0-9_]*)\\b(?!\\s*\\()")
                    .matcher(expression);
            while (names.find()) {
                if (!ids.contains(names.group(1))) {
                    return "expression " + expression + " refers to " + names.group(1) + ", not an id of this graph";
                }
            }
        }
        return null;
    }

    private static final List<String> COMPARISONS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");

    /** Stores an alarm in its account and region, after PutMetricAlarm's documented checks. */
    private void putMetricAlarm(HttpExchange exchange, String account, String region, JsonNode alarm)
            throws IOException {
        String name = alarm.path("AlarmName").asText();
        calls.add("PutMetricAlarm " + account + " " + region + " " + name);
        String problem = null;
        int periods = alarm.path("EvaluationPeriods").asInt(0);
        if (name.isEmpty() || name.length() > 255) {
            problem = "AlarmName must be 1 to 255 characters";
        } else if (!COMPARISONS.contains(alarm.path("ComparisonOperator").asText())) {
            problem = "ComparisonOperator " + alarm.path("ComparisonOperator").asText();
        } else if (periods < 1 || alarm.path("DatapointsToAlarm").asInt(periods) > periods) {
            problem = "EvaluationPeriods must be 1 or more, DatapointsToAlarm at most EvaluationPeriods";
        } else if (!alarm.path("Threshold").isNumber()) {
            problem = "Threshold is required";
        } else if (alarm.has("TreatMissingData") && !List.of("breaching", "notBreaching", "ignore", "missing")
                .contains(alarm.path("TreatMissingData").asText())) {
            problem = "TreatMissingData " + alarm.path("TreatMissingData").asText();
        } else if (alarm.has("MetricName") == alarm.has("Metrics")) {
            problem = "give MetricName or Metrics, not both";
        } else if (alarm.has("MetricName")) {
            int period = alarm.path("Period").asInt();
            if (!(period == 10 || period == 20 || period == 30 || period > 0 && period % 60 == 0)
                    || !alarm.path("Namespace").isTextual() || !alarm.path("Statistic").isTextual()) {
                problem = "Namespace, Statistic and a Period of 10, 20, 30 or a multiple of 60 seconds are required";
            }
        } else {
            int stats = 0;
            int returned = 0;
            for (JsonNode query : alarm.path("Metrics")) {
                stats += query.has("MetricStat") ? 1 : 0;
                returned += query.path("ReturnData").asBoolean(true) ? 1 : 0;
            }
            if (stats > 10 || returned != 1) {
                problem = "Metrics may watch at most 10 metrics and must return exactly one time series";
            }
        }
        if (problem != null) {
            error(exchange, 400, "InvalidParameterValue", problem);
            return;
        }
        alarms.computeIfAbsent(account + " " + region, k -> new ConcurrentHashMap<>()).put(name, alarm);
        reply(exchange, 200, CBOR.writeValueAsBytes(Map.of()));
    }

    /** The dashboards put in an account, by name, with their bodies. */
    public Map<String, JsonNode> dashboards(String account) {
        return Map.copyOf(dashboards.getOrDefault(account, Map.of()));
    }

    /** The alarms put in an account and region, by name, as PutMetricAlarm received them. */
    public Map<String, JsonNode> alarms(String account, String region) {
        return Map.copyOf(alarms.getOrDefault(account + " " + region, Map.of()));
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
