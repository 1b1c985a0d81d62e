package dev.registryedge.ipmap.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object being read field by field. Accessors record a problem (and return a neutral
 * value) instead of throwing, so that one run reports everything wrong with a file.
 */
public final class JsonObject {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Problems problems;
    private final String path;
    private final JsonNode node;

    private JsonObject(Problems problems, String path, JsonNode node) {
        this.problems = problems;
        this.path = path;
        this.node = node;
    }

    /** Parses a whole document, which must be a JSON object. */
    public static JsonObject parse(byte[] content, Problems problems) throws InputException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(content)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new InputException(problems.source() + ": trailing data after the JSON document at line "
                        + parser.currentLocation().getLineNr());
            }
        } catch (JsonParseException e) {
            throw new InputException(problems.source() + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InputException(problems.source() + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(problems.source() + ": expected a JSON object at the top level, found "
                    + (root == null ? "nothing" : describe(root)));
        }
        return new JsonObject(problems, "", root);
    }

    public Problems problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    /** The path of a field of this object, for problems found after reading. */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Records every field not in the given set, which catches misspelt keys. */
    public void allowOnly(Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                problems.add(pathOf(name), "unknown field (expected one of " + String.join(", ", sorted(fields)) + ")");
            }
        }
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public String requiredString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(pathOf(field), "is missing");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(pathOf(field), describe(value) + " is not a string");
            return null;
        }
        return value.textValue();
    }

    public String optionalString(String field) {
        return has(field) ? requiredString(field) : null;
    }

    public int optionalInt(String field, int defaultValue, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(pathOf(field), describe(value) + " is not a whole number");
            return defaultValue;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problems.add(pathOf(field), number + " is outside " + min + ".." + max);
            return defaultValue;
        }
        return number;
    }

    public boolean optionalBoolean(String field, boolean defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problems.add(pathOf(field), describe(value) + " is not true or false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    /** A nested object, or {@code null} (with a problem recorded if present but not an object). */
    public JsonObject optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(pathOf(field), describe(value) + " is not an object");
            return null;
        }
        return new JsonObject(problems, pathOf(field), value);
    }

    /** The members of an object-valued field, in file order; empty if absent. */
    public Map<String, JsonObject> objectMembers(String field) {
        Map<String, JsonObject> members = new LinkedHashMap<>();
        JsonObject container = optionalObject(field);
        if (container == null) {
            return members;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = container.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPath = container.path + "." + member.getKey();
            if (member.getValue().isObject()) {
                members.put(member.getKey(), new JsonObject(problems, memberPath, member.getValue()));
            } else {
                problems.add(memberPath, describe(member.getValue()) + " is not an object");
            }
        }
        return members;
    }

    /** The members of an object whose values are string arrays, in file order. */
    public Map<String, List<String>> stringListMembers(String field) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        JsonObject container = optionalObject(field);
        if (container == null) {
            return members;
        }
        for (Iterator<String> names = container.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            members.put(name, container.stringList(name));
        }
        return members;
    }

    /** A field holding an array of strings; empty if absent. */
    public List<String> stringList(String field) {
        List<String> strings = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isArray()) {
            problems.add(pathOf(field), describe(value) + " is not an array");
            return strings;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual()) {
                strings.add(element.textValue());
            } else {
                problems.add(pathOf(field) + "[" + i + "]", describe(element) + " is not a string");
            }
        }
        return strings;
    }

    /** A field holding an array of objects; {@code null} if it is missing. */
    public List<JsonObject> objectList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<JsonObject> objects = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(pathOf(field), describe(value) + " is not an array");
            return objects;
        }
        for (int i = 0; i < value.size(); i++) {
            String elementPath = pathOf(field) + "[" + i + "]";
            if (value.get(i).isObject()) {
                objects.add(new JsonObject(problems, elementPath, value.get(i)));
            } else {
                problems.add(elementPath, describe(value.get(i)) + " is not an object");
            }
        }
        return objects;
    }

    private static String describe(JsonNode value) {
        String text = value.isContainerNode() ? (value.isArray() ? "an array" : "an object") : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static List<String> sorted(Set<String> fields) {
        List<String> list = new ArrayList<>(fields);
        list.sort(null);
        return list;
    }
}
