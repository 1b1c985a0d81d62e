package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.Redirect;
import dev.registryedge.handler.core.ViewerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudFront viewer-request events and writes responses as plain maps, the shape the
 * Lambda Java runtime hands over and serialises back. Maps rather than the events library's
 * {@code CloudFrontEvent}, whose {@code Request} has no {@code querystring}: returning it for
 * pass-through would strip CloudFront's signed-URL parameters and get every request refused.
 */
public final class CloudFrontEvents {

    private CloudFrontEvents() {}

    /** {@code Records[0].cf}, or {@code null} if the event does not have that shape. */
    private static Map<?, ?> cf(Map<String, Object> event) {
        if (event == null || !(event.get("Records") instanceof List<?> records) || records.isEmpty()
                || !(records.get(0) instanceof Map<?, ?> record) || !(record.get("cf") instanceof Map<?, ?> cf)) {
            return null;
        }
        return cf;
    }

    /**
     * What CloudFront gets back when the function lets it serve: {@code Records[0].cf.response}
     * for a response trigger (a misassociated function must not turn responses into errors),
     * else {@code Records[0].cf.request}; {@code null} when the event has neither.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> unchanged(Map<String, Object> event) {
        Map<?, ?> cf = cf(event);
        return cf != null && cf.get("response") instanceof Map<?, ?> response ? (Map<String, Object>) response
                : request(event);
    }

    /** {@code Records[0].cf.request}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> request(Map<String, Object> event) {
        Map<?, ?> cf = cf(event);
        return cf != null && cf.get("request") instanceof Map<?, ?> request ? (Map<String, Object>) request : null;
    }

    /** The facts the router needs; {@code null} when the event has no request at all. */
    public static ViewerRequest viewerRequest(Map<String, Object> event) {
        Map<?, ?> cf = cf(event);
        Map<String, Object> request = request(event);
        if (request == null) {
            return null;
        }
        Map<?, ?> config = cf.get("config") instanceof Map<?, ?> map ? map : Map.of();
        return new ViewerRequest(text(config.get("eventType")), text(config.get("distributionId")),
                text(request.get("clientIp")), text(request.get("method")),
                text(request.get("uri")), firstHeader(request.get("headers"), "user-agent"));
    }

    private static String firstHeader(Object headers, String name) {
        if (headers instanceof Map<?, ?> map && map.get(name) instanceof List<?> values && !values.isEmpty()
                && values.get(0) instanceof Map<?, ?> header) {
            return text(header.get("value"));
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String string ? string : null;
    }

    /** The generated 307 response. */
    public static Map<String, Object> redirect(Decision decision) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Redirect.Header header : Redirect.headers(decision)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", header.key());
            entry.put("value", header.value());
            headers.put(header.name(), List.of(entry));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", Redirect.STATUS);
        response.put("statusDescription", Redirect.STATUS_DESCRIPTION);
        response.put("headers", headers);
        return response;
    }
}
