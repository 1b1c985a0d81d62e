package dev.registryedge.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3 and STS stand-ins on 127.0.0.1 for comparing the two builds: HEAD answers by the blob's
 * digest (present, absent, or a fault), POST / answers AssumeRole. Signatures are not checked
 * here; the integration suite does that against a real S3 API.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDEDGETEST";
    static final String SECRET_KEY = "edge-test-secret";

    private final HttpServer server;
    private final Set<String> present;
    private final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger assumeRoleCalls = new AtomicInteger();
    /** How long AssumeRole takes to answer. */
    volatile Duration assumeRoleDelay = Duration.ZERO;

    /**
     * @param present "bucket/key" of the objects that exist; digests starting {@code f0} get
     *     500, {@code f1} 403, {@code f2} never answer
     */
    FakeAws(Set<String> present) throws IOException {
        this(present, "ASIAROLE", "role-secret", Duration.ofHours(1));
    }

    private final String roleAccessKey;
    private final String roleSecretKey;
    private final Duration roleLife;

    /** With AssumeRole handing out the given keys, valid for {@code roleLife}. */
    FakeAws(Set<String> present, String roleAccessKey, String roleSecretKey, Duration roleLife) throws IOException {
        this.present = present;
        this.roleAccessKey = roleAccessKey;
        this.roleSecretKey = roleSecretKey;
        this.roleLife = roleLife;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            if (exchange.getRequestMethod().equals("POST")) {
                assumeRole(exchange);
                return;
            }
            String digest = path.length() > 70 ? path.substring(path.length() - 69, path.length() - 67) : "";
            int status = switch (digest) {
                case "f0" -> 500;
                case "f1" -> 403;
                case "f2" -> {
                    release.await();
                    yield 200;
                }
                default -> present.contains(path) ? 200 : 404;
            };
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assumeRole(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains("Action=AssumeRole")) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        assumeRoleCalls.incrementAndGet();
        try {
            release.await(assumeRoleDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] xml = ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + roleAccessKey + "</AccessKeyId><SecretAccessKey>" + roleSecretKey
                + "</SecretAccessKey>"
                + "<SessionToken>role-token</SessionToken><Expiration>"
                + Instant.now().plus(roleLife).truncatedTo(ChronoUnit.SECONDS)
                + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId>"
                + "<Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, xml.length);
        exchange.getResponseBody().write(xml);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
