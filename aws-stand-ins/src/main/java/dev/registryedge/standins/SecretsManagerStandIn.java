package dev.registryedge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Secrets Manager's GetSecretValue (the JSON 1.1 protocol: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}) on 127.0.0.1. Like the service it checks
 * SigV4 (service {@code secretsmanager}, the secret's region), answers an unknown secret with
 * ResourceNotFoundException, and can be told to stall or to answer garbage.
 */
public final class SecretsManagerStandIn implements AutoCloseable {

    /** What the next answers are. */
    /**
     * How GetSecretValue answers: as the service does; never; with a proxy's page; with the real
     * answer cut in the middle of the secret access key, or with the secret's keys as bare words
     * (malformed JSON a parser quotes in its error); or with an error whose body quotes the
     * secret, cut short.
     */
    public enum Behaviour { NORMAL, STALL, GARBAGE, TRUNCATED, UNQUOTED, ERROR_QUOTING_THE_SECRET }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server;
    private final SigV4Verifier signatures;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    public volatile Behaviour behaviour = Behaviour.NORMAL;

    public SecretsManagerStandIn(String region, Map<String, String> secretsByAccessKey) {
        signatures = new SigV4Verifier("secretsmanager", region, secretsByAccessKey);
        server = new LoopbackServer(this::answer);
    }

    public URI uri() {
        return server.uri();
    }

    /** Stores a secret holding this key pair, as docs/configuration.md says a store's keys are kept. */
    public void putKeyPair(String arn, String accessKeyId, String secretAccessKey) {
        secrets.put(arn, JSON.createObjectNode().put("accessKeyId", accessKeyId).put("secretAccessKey", secretAccessKey)
                .toString());
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        String problem = signatures.problem(exchange, body);
        if (problem != null) {
            error(exchange, 400, "InvalidSignatureException", problem);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !"secretsmanager.GetSecretValue".equals(
                exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
            error(exchange, 400, "UnknownOperationException", exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            return;
        }
        switch (behaviour) {
            case STALL -> {
                try {
                    // Never answers: the exchange is held until the stand-in closes.
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            case GARBAGE -> {
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                LoopbackServer.reply(exchange, 200, "<html>a proxy's error page</html>");
                return;
            }
            default -> {
            }
        }
        JsonNode request = JSON.readTree(body);
        String arn = request.path("SecretId").asText();
        String secret = secrets.get(arn);
        if (secret == null) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        String[] parts = arn.split(":");
        String answer = JSON.createObjectNode().put("ARN", arn).put("Name", parts[parts.length - 1])
                .put("VersionId", "v1").put("SecretString", secret).put("CreatedDate", 1.7e9)
                .set("VersionStages", JSON.createArrayNode().add("AWSCURRENT")).toString();
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        int key = answer.indexOf("secretAccessKey");
        switch (behaviour) {
            case TRUNCATED -> LoopbackServer.reply(exchange, 200, answer.substring(0, key + 40));
            case UNQUOTED -> LoopbackServer.reply(exchange, 200, "{\"ARN\":\"" + arn + "\",\"SecretString\":"
                    + JSON.readTree(secret).path("secretAccessKey").asText() + "}");
            case ERROR_QUOTING_THE_SECRET -> LoopbackServer.reply(exchange, 400,
                    "{\"__type\":\"InternalServiceError\",\"message\":\"bad secret " + secret.replace("\"", "'"));
            default -> LoopbackServer.reply(exchange, 200, answer);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        LoopbackServer.reply(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message)
                .toString());
    }

    @Override
    public void close() {
        closed.countDown();
        server.close();
    }
}
