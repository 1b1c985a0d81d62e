package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.EventTree;
import dev.registryedge.handler.core.Redirect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as the Lambda Java runtime hands them over and serialises them back: maps, lists and
 * strings. Maps rather than the events library's
 * {@code com.amazonaws.services.lambda.runtime.events.CloudFrontEvent}, whose {@code Request}
 * has no {@code querystring}: returning it for pass-through would strip CloudFront's signed-URL
 * parameters and get every request refused.
 */
final class MapEventTree implements EventTree<Object> {

    static final MapEventTree INSTANCE = new MapEventTree();

    private MapEventTree() {}

    @Override
    public Object member(Object node, String name) {
        return node instanceof Map<?, ?> map ? map.get(name) : null;
    }

    @Override
    public Object item(Object node, int index) {
        return node instanceof List<?> list && index < list.size() ? list.get(index) : null;
    }

    @Override
    public String text(Object node) {
        return node instanceof String string ? string : null;
    }

    @Override
    public boolean isObject(Object node) {
        return node instanceof Map<?, ?>;
    }

    @Override
    public Object newObject() {
        return new LinkedHashMap<String, Object>();
    }

    @Override
    public Object response(String status, String statusDescription, List<Redirect.Header> headers) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Redirect.Header header : headers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", header.key());
            entry.put("value", header.value());
            byName.put(header.name(), List.of(entry));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", status);
        response.put("statusDescription", statusDescription);
        response.put("headers", byName);
        return response;
    }
}
