package dev.registryedge.handler.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a log event as CloudWatch reads an Embedded Metric Format document, written from AWS's
 * specification ("Specification: Embedded metric format", CloudWatch User Guide, read
 * 2026-12-02) and the limits of CloudWatch's Dimension and Metric types, not from the code
 * under test. Refuses what the specification refuses, with the reason: the event must be one
 * JSON object and nothing else, at most 1 MB (the English page; older translations say 256 KB,
 * so this reader holds to 256 KB); {@code _aws} holds a numeric {@code Timestamp} and
 * {@code CloudWatchMetrics}; a directive holds {@code Namespace}, {@code Dimensions} and
 * {@code Metrics} and nothing else; at most 30 dimensions per set and 100 metrics per directive;
 * names of 1 to 255 ASCII characters not starting with a colon; every dimension a string member
 * of the root of 1 to 1,024 ASCII characters, no control characters, not blank; every metric a
 * number or an array of at most 100 numbers; units from CloudWatch's list; a storage
 * resolution of 1 or 60.
 */
public final class EmfReader {

    /** One metric value CloudWatch would take from the event. */
    public record Value(String namespace, Map<String, String> dimensions, String metric, String unit, double value) {}

    public static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EmfReader() {}

    /** Whether the event is an EMF document at all (has an {@code _aws} member). */
    public static boolean isDocument(String event) {
        try {
            JsonNode root = JSON.readTree(event);
            return root != null && root.isObject() && root.has("_aws");
        } catch (Exception notJson) {
            return false;
        }
    }

    /**
     * The metric values of one log event.
     *
     * @throws IllegalArgumentException saying what the specification refuses
     */
    public static List<Value> read(String event) {
        if (event.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_EVENT_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (Exception e) {
            throw new IllegalArgumentException("not one JSON object and nothing else: " + e.getMessage());
        }
        require(root != null && root.isObject(), "the event is not a JSON object");
        JsonNode aws = root.get("_aws");
        require(aws != null && aws.isObject(), "no _aws object");
        require(aws.path("Timestamp").isNumber(), "_aws.Timestamp is not a number");
        JsonNode directives = aws.get("CloudWatchMetrics");
        require(directives != null && directives.isArray(), "_aws.CloudWatchMetrics is not an array");
        List<Value> values = new ArrayList<>();
        for (JsonNode directive : directives) {
            require(directive.isObject(), "a MetricDirective is not an object");
            only(directive, Set.of("Namespace", "Dimensions", "Metrics"), "MetricDirective");
            String namespace = name(directive.get("Namespace"), "Namespace");
            JsonNode sets = directive.get("Dimensions");
            require(sets != null && sets.isArray(), "Dimensions is not an array");
            JsonNode metrics = directive.get("Metrics");
            require(metrics != null && metrics.isArray(), "Metrics is not an array");
            require(metrics.size() <= 100, metrics.size() + " metrics in a directive, more than 100");
            for (JsonNode set : sets) {
                require(set.isArray(), "a DimensionSet is not an array");
                require(set.size() <= 30, set.size() + " dimensions in a set, more than 30");
                Map<String, String> dimensions = new LinkedHashMap<>();
                for (JsonNode dimension : set) {
                    String key = name(dimension, "a dimension name");
                    JsonNode member = root.get(key);
                    require(member != null && member.isTextual(), "dimension " + key + " is not a string member of the root");
                    String value = member.asText();
                    require(!value.isBlank() && value.length() <= 1024 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
                            "dimension " + key + "'s value '" + value + "' is not 1-1024 printable ASCII characters");
                    dimensions.put(key, value);
                }
                for (JsonNode metric : metrics) {
                    require(metric.isObject(), "a MetricDefinition is not an object");
                    only(metric, Set.of("Name", "Unit", "StorageResolution"), "MetricDefinition");
                    String name = name(metric.get("Name"), "a metric name");
                    String unit = metric.has("Unit") ? metric.get("Unit").asText() : "None";
                    require(UNITS.contains(unit), "unit " + unit + " is not one of CloudWatch's");
                    if (metric.has("StorageResolution")) {
                        int resolution = metric.get("StorageResolution").asInt();
                        require(resolution == 1 || resolution == 60, "StorageResolution " + resolution);
                    }
                    JsonNode member = root.get(name);
                    require(member != null, "metric " + name + " has no member in the root");
                    if (member.isArray()) {
                        require(member.size() <= 100, "metric " + name + " has more than 100 values");
                        for (JsonNode value : member) {
                            require(value.isNumber(), "metric " + name + " holds " + value);
                            values.add(new Value(namespace, Map.copyOf(dimensions), name, unit, value.asDouble()));
                        }
                    } else {
                        require(member.isNumber(), "metric " + name + " holds " + member + ", not a number");
                        values.add(new Value(namespace, Map.copyOf(dimensions), name, unit, member.asDouble()));
                    }
                }
            }
        }
        return values;
    }

    private static String name(JsonNode node, String what) {
        require(node != null && node.isTextual(), what + " is not a string");
        String name = node.asText();
        require(!name.isEmpty() && name.length() <= 255 && !name.startsWith(":")
                && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f), what + " '" + name + "' is not 1-255 ASCII"
                + " characters not starting with ':'");
        return name;
    }

    private static void only(JsonNode object, Set<String> allowed, String what) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            require(allowed.contains(name), what + " has a member the specification does not define: " + name);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
