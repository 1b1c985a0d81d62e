package dev.registryedge.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.cli.testing.StandardLogs;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * CloudFront as far as the registry and its clients can tell, for one client location: checks
 * the signed URL (canned policy, RSA-SHA1, Key-Pair-Id, Expires) and answers 403 when it does
 * not verify; builds the viewer-request event as CloudFront does and calls the function; then
 * either returns the function's 307 or serves the object from the distribution's origin bucket
 * (marked {@code x-served-by: cloudfront}), GET and HEAD alike. Like CloudFront it keeps a
 * standard log of what it answered, written by {@link #writeLog}.
 */
final class CloudFrontStandIn implements AutoCloseable {

    /** What happened to one request, for the tests to count. */
    record Served(String method, String path, String route) {}

    private final HttpServer server;
    private final String clientIp;
    private final String distributionId;
    private final CloudFrontKeys keys;
    private final EdgeUnderTest function;
    private final S3Client origin;
    private final String originBucket;
    final List<Served> served = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private static final String REQUEST_ID = "registry-edge.request-id";
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    CloudFrontStandIn(String clientIp, String distributionId, CloudFrontKeys keys, EdgeUnderTest function,
            S3Client origin, String originBucket) throws IOException {
        this.clientIp = clientIp;
        this.distributionId = distributionId;
        this.keys = keys;
        this.function = function;
        this.origin = origin;
        this.originBucket = originBucket;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** What the function behind this stand-in has written: its decision lines among them. */
    List<String> functionOutput() {
        return function.output();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // CloudFront's id of the request: in the event the function sees and in the log line.
            String requestId = Long.toHexString(System.nanoTime()) + "-" + requests.incrementAndGet();
            exchange.setAttribute(REQUEST_ID, requestId);
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> parameters = parameters(query);
            String problem = keys.check(baseUrl() + path.substring(1), parameters.get("Expires"),
                    parameters.get("Signature"), parameters.get("Key-Pair-Id"), System.currentTimeMillis() / 1000);
            if (problem != null) {
                refused.add(path + ": " + problem);
                log(exchange, path, 403, problem.length(), "Error", -1);
                reply(exchange, 403, problem);
                return;
            }
            JsonNode result;
            synchronized (function) { // one event at a time, as one Lambda instance takes them
                result = function.handle(event(exchange, path, query, requestId));
            }
            if (result.has("status")) {
                served.add(new Served(exchange.getRequestMethod(), path,
                        result.at("/headers/x-registry-edge-route/0/value").asText()));
                result.get("headers").fields().forEachRemaining(header -> exchange.getResponseHeaders()
                        .add(header.getValue().get(0).get("key").asText(), header.getValue().get(0).get("value").asText()));
                int status = Integer.parseInt(result.get("status").asText());
                log(exchange, path, status, 0, "LambdaGeneratedResponse", -1);
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            served.add(new Served(exchange.getRequestMethod(), path, "cloudfront"));
            serveFromOrigin(exchange, path.substring(1));
        } catch (RuntimeException e) {
            reply(exchange, 502, "stand-in failed: " + e);
        }
    }

    private Map<String, Object> event(HttpExchange exchange, String path, String query, String requestId) {
        Map<String, Object> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            List<Map<String, String>> entries = new ArrayList<>();
            values.forEach(value -> entries.add(Map.of("key", name, "value", value)));
            headers.put(name.toLowerCase(java.util.Locale.ROOT), entries);
        });
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clientIp", clientIp);
        request.put("headers", headers);
        request.put("method", exchange.getRequestMethod());
        request.put("querystring", query == null ? "" : query);
        request.put("uri", path);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("distributionDomainName", "d111111abcdef8.cloudfront.net");
        config.put("distributionId", distributionId);
        config.put("eventType", "viewer-request");
        config.put("requestId", requestId);
        return Map.of("Records", List.of(Map.of("cf", Map.of("config", config, "request", request))));
    }

    private void serveFromOrigin(HttpExchange exchange, String key) throws IOException {
        exchange.getResponseHeaders().add("x-served-by", "cloudfront");
        if (exchange.getRequestMethod().equals("HEAD")) {
            HeadObjectResponse head = origin.headObject(request -> request.bucket(originBucket).key(key));
            exchange.getResponseHeaders().add("Content-Length", Long.toString(head.contentLength()));
            log(exchange, "/" + key, 200, 0, "Miss", head.contentLength());
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        try (ResponseInputStream<GetObjectResponse> object = origin.getObject(
                request -> request.bucket(originBucket).key(key)); OutputStream out = exchange.getResponseBody()) {
            long length = object.response().contentLength();
            log(exchange, "/" + key, 200, length, "Miss", length);
            exchange.sendResponseHeaders(200, length);
            object.transferTo(out);
        }
    }

    /** One line of the standard log, as CloudFront writes it (body bytes only: no header overhead). */
    private void log(HttpExchange exchange, String path, int status, long bytes, String resultType, long length) {
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        String now = java.time.Instant.now().toString();
        log.add(StandardLogs.line(now.substring(0, 10), "IAD89-C1", bytes, clientIp, exchange.getRequestMethod(), path,
                status, agent == null ? "-" : java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"), resultType, length, null, (String) exchange.getAttribute(REQUEST_ID)));
    }

    /** Writes the log as CloudFront delivers it: {@code <distribution>.<yyyy-MM-dd-HH>.<unique>.gz}. */
    Path writeLog(Path directory, String unique) throws IOException {
        Files.createDirectories(directory);
        String hour = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).toString().substring(0, 13).replace('T', '-');
        return StandardLogs.write(directory.resolve(distributionId + "." + hour + "." + unique + ".gz"), log);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return parameters;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
