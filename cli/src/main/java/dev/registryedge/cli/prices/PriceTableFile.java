package dev.registryedge.cli.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * data/prices.json as a reviewed file: the Price List's figures put in place of the old ones
 * (each with its new source and date), what changed listed, and the file written in one
 * layout (a figure to a line) so that a refresh reads as a diff of the prices that moved. Written
 * to a temporary file beside it and moved over it, so it is whole or untouched.
 */
final class PriceTableFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ObjectNode table;

    private PriceTableFile(Path file, ObjectNode table) {
        this.file = file;
        this.table = table;
    }

    static PriceTableFile read(Path file) throws PriceListException {
        try {
            JsonNode table = JSON.readTree(file.toFile());
            if (!(table instanceof ObjectNode object)) {
                throw new PriceListException(file + ": not a JSON object");
            }
            return new PriceTableFile(file, object);
        } catch (IOException e) {
            throw new PriceListException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Puts the figures in place; returns one line per figure whose value moved ({@code path: old -> new}). */
    List<String> apply(List<ListPrices.Figure> figures, String today) throws PriceListException {
        List<String> changes = new ArrayList<>();
        for (ListPrices.Figure figure : figures) {
            ObjectNode node = node(figure.path());
            JsonNode before = node.has("tiers") ? node.get("tiers") : node.get("value");
            if (!same(before, figure.value())) {
                changes.add(figure.path() + ": " + describe(before) + " -> " + describe(figure.value()));
            }
            // An unmoved figure keeps its old spelling (10240, not 10240.0): its line changes only in
            // its date and source. Other members of the figure (a comment) stay.
            JsonNode value = same(before, figure.value()) ? before : figure.value();
            ObjectNode updated = JSON.createObjectNode();
            updated.set(value.isArray() ? "tiers" : "value", value);
            updated.put("asOf", figure.asOf() == null ? today : figure.asOf());
            updated.put("source", figure.source());
            node.fields().forEachRemaining(member -> {
                if (!List.of("value", "tiers", "asOf", "source").contains(member.getKey())) {
                    updated.set(member.getKey(), member.getValue());
                }
            });
            node.removeAll();
            node.setAll(updated);
        }
        table.put("asOf", today);
        return changes;
    }

    /** The object at a dotted path of the table, which must exist (the table names what the report reads). */
    private ObjectNode node(String path) throws PriceListException {
        JsonNode node = table;
        String[] parts = path.split("\\.");
        for (String part : parts) {
            node = node.path(part);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new PriceListException(file + ": " + path + ": missing from the table (add it by hand first)");
        }
        return object;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i).get("fromGb"), b.get(i).get("fromGb")) || !same(a.get(i).get("value"), b.get(i).get("value"))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String describe(JsonNode value) {
        if (value == null) {
            return "none";
        }
        if (!value.isArray()) {
            return number(value);
        }
        List<String> tiers = new ArrayList<>();
        value.forEach(tier -> tiers.add(number(tier.get("value")) + " from " + number(tier.get("fromGb")) + " GB"));
        return String.join(", ", tiers);
    }

    /** That the report reads the table as it would be written; else nothing is. */
    void checkReadable() throws PriceListException {
        try {
            dev.registryedge.cli.report.Prices.read(file.toString(),
                    new java.io.ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new PriceListException("the refreshed table would not read: " + e.getMessage());
        }
    }

    /** Writes the table whole: a temporary file beside it, then moved over it. */
    void write() throws PriceListException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, format(table, 0) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below says what failed
            }
            throw new PriceListException(file + ": cannot be written: " + e.getMessage());
        }
    }

    String text() {
        return format(table, 0) + "\n";
    }

    /** A figure, a tier, a plan level or a list of codes on one line; objects of objects indented. */
    static String format(JsonNode value, int depth) {
        if (value.isObject()) {
            if (oneLine(value)) {
                List<String> members = new ArrayList<>();
                value.fields().forEachRemaining(e -> members.add(quote(e.getKey()) + ": " + format(e.getValue(), 0)));
                return "{" + String.join(", ", members) + "}";
            }
            String pad = "  ".repeat(depth + 1);
            List<String> members = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                members.add(pad + quote(e.getKey()) + ": " + format(e.getValue(), depth + 1));
            }
            return "{\n" + String.join(",\n", members) + "\n" + "  ".repeat(depth) + "}";
        }
        if (value.isArray()) {
            boolean scalars = true;
            for (JsonNode item : value) {
                scalars &= item.isValueNode() || (item.isObject() && scalarMembers(item));
            }
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(format(item, depth + 1)));
            if (scalars) {
                return "[" + String.join(", ", items) + "]";
            }
            String pad = "  ".repeat(depth + 1);
            return "[\n" + pad + String.join(",\n" + pad, items) + "\n" + "  ".repeat(depth) + "]";
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        return value.isNumber() ? BigDecimal.valueOf(value.doubleValue()).toPlainString() : value.toString();
    }

    private static boolean oneLine(JsonNode object) {
        return object.has("tiers") || object.has("plan") || scalarMembers(object);
    }

    private static boolean scalarMembers(JsonNode object) {
        for (JsonNode member : object) {
            if (!member.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    private static String number(JsonNode value) {
        BigDecimal decimal = value.decimalValue().stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
