package dev.registryedge.handler.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The sample viewer-request events in {@code data/events}, loaded by name. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {}

    public static Path file(String name) {
        return Path.of(System.getProperty("registryedge.events", "../data/events"), name + ".json");
    }

    public static Map<String, Object> load(String name) {
        try {
            return JSON.readValue(file(name).toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
