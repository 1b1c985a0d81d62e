package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.it.bundle.TestRouting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Both builds under what a reviewer would try: chains of stalled checks behind slow AssumeRole
 * calls, endpoints and keys that make Node's {@code https.request} throw, kept-alive sockets
 * that died, and triggers other than viewer request. Each must end in an answer, in time.
 */
class HostileConditionsIT {

    static final String ACCESS_KEY = "AKIDHOSTILETEST";
    static final String SECRET_KEY = "hostile-test-secret";

    /** The chain's deadline (2 s) plus slack for two busy cores and a process boundary. */
    static final long CHAIN_BOUND_MILLIS = TestRouting.CHAIN_LIMITS.budgetMillis() + 500;

    static String blobUri(String firstByte) {
        return "/" + EventCorpus.blobKey(firstByte + "0".repeat(62));
    }

    static String route(JsonNode response) {
        return response.at("/headers/x-registry-edge-route/0/value").asText(null);
    }

    @ParameterizedTest(name = "{0} checked targets")
    @ValueSource(ints = {2, 3})
    @DisplayName("stalled HEADs behind slow AssumeRole calls end at the request's deadline, in the farm's bucket")
    void aChainOfStalledChecksEndsAtTheDeadline(int checked) throws Exception {
        try (FaultyServer stalled = new FaultyServer(FaultyServer.Fault.STALL);
                FakeAws sts = new FakeAws(Set.of(), ACCESS_KEY, SECRET_KEY, Duration.ofHours(1))) {
            sts.assumeRoleDelay = Duration.ofMillis(700);
            String endpoints = "us-west-2=" + stalled.uri() + ",us-east-1=http://127.0.0.1:1";
            try (EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), endpoints, sts.uri(),
                            TestRouting.checkedChain(checked));
                    EdgeUnderTest node = EdgeUnderTest.node(ACCESS_KEY, SECRET_KEY, endpoints, sts.uri(),
                            "checked-chain-" + checked)) {
                for (EdgeUnderTest edge : List.of(jvm, node)) {
                    int before = sts.assumeRoleCalls.get();
                    long started = System.nanoTime();
                    JsonNode result = edge.handle(EventCorpus.event(TestRouting.CHAIN_DISTRIBUTION,
                            S3IntegrationIT.EAST2, "GET", blobUri("ab"), null));
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    System.out.printf("%s, %d stalled checks behind 700 ms AssumeRole calls: %d ms%n", edge, checked,
                            millis);
                    assertEquals("bucket us-east-1 chain-farm", route(result), edge + ": " + result);
                    // The first role answers in 700 ms, its HEAD is cut at 1 s; the second role's
                    // call gets the 300 ms left; a third target is not even tried.
                    assertEquals(2, sts.assumeRoleCalls.get() - before, edge.toString());
                    assertTrue(millis >= 1900 && millis < CHAIN_BOUND_MILLIS, edge + " took " + millis + " ms");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:99999", "http://127.0.0.1:-1", "http://[::1:1", "http://bad host:80"})
    @DisplayName("an endpoint Node's https.request throws on is an ordinary failed check, and the process lives")
    void anEndpointThatMakesNodeThrowIsAFailedCheck(String endpoint) throws Exception {
        try (EdgeUnderTest node = EdgeUnderTest.node(ACCESS_KEY, SECRET_KEY, "us-west-2=" + endpoint, null)) {
            for (int i = 0; i < 3; i++) {
                JsonNode result = node.handle(EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.WEST2, "GET",
                        blobUri("a" + i), null));
                assertEquals("GET", result.path("method").asText(), "passes through: " + result);
            }
            JsonNode direct = node.handle(EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.EAST1, "GET",
                    blobUri("ab"), null));
            assertEquals("bucket us-east-1 appci", route(direct), "still alive and answering: " + direct);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"token\r\nx-injected: yes", "token\nmore", "tok\u0007en"})
    @DisplayName("a session token no header may carry skips the checked replica on both builds; nothing crashes")
    void aSessionTokenNoHeaderMayCarryIsAFailedCheck(String token) throws Exception {
        try (S3World world = new S3World(); FaultyServer unused = new FaultyServer(FaultyServer.Fault.ERROR)) {
            String blob = world.newBlob(64);
            world.store(blob, S3World.BUILD03, EventCorpus.REPLICA_EAST2);
            Map<String, Object> event = S3IntegrationIT.get(S3IntegrationIT.BUILD03, S3IntegrationIT.EAST2, blob, null);
            try (EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(S3World.IDENTITY, S3World.CREDENTIAL, token)),
                            world.endpointSpec(), unused.uri());
                    EdgeUnderTest node = nodeWithToken(world.endpointSpec(), unused, token)) {
                for (EdgeUnderTest edge : List.of(jvm, node)) {
                    JsonNode result = edge.handle(event);
                    String route = route(result);
                    assertTrue(route == null || route.startsWith("bucket us-east-1 build03"), edge + ": " + result);
                }
                JsonNode again = node.handle(S3IntegrationIT.get(S3IntegrationIT.APPCI, "8.8.8.8", blob, null));
                assertEquals("GET", again.path("method").asText(), "the Node process still answers");
            }
        }
    }

    private static EdgeUnderTest nodeWithToken(String endpoints, FaultyServer sts, String token) throws Exception {
        return new EdgeUnderTest() {
            final NodeBundle bundle = new NodeBundle(Map.of("AWS_ACCESS_KEY_ID", S3World.IDENTITY,
                    "AWS_SECRET_ACCESS_KEY", S3World.CREDENTIAL, "AWS_SESSION_TOKEN", token,
                    "REGISTRY_EDGE_S3_ENDPOINT", endpoints, "REGISTRY_EDGE_STS_ENDPOINT", sts.uri().toString()));

            @Override
            public JsonNode handle(Map<String, Object> event) throws java.io.IOException {
                return bundle.call(Map.of("op", "handler", "event", event));
            }

            @Override
            public void close() throws java.io.IOException {
                bundle.close();
            }

            @Override
            public String toString() {
                return "node";
            }
        };
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a check that fails on a kept-alive socket is sent once more on a new connection")
    void aDeadKeptAliveSocketIsRetriedOnANewConnection() throws Exception {
        try (FaultyServer server = new FaultyServer(FaultyServer.Fault.RESET_REUSED)) {
            String endpoints = "us-west-2=" + server.uri();
            try (EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), endpoints, null);
                    EdgeUnderTest node = EdgeUnderTest.node(ACCESS_KEY, SECRET_KEY, endpoints, null)) {
                int digest = 0;
                for (EdgeUnderTest edge : List.of(jvm, node)) {
                    int connections = server.connections.get();
                    for (int i = 0; i < 3; i++) {
                        // A new blob each time, so that no answer comes from the existence cache.
                        JsonNode result = edge.handle(EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.WEST2,
                                "GET", blobUri(String.format("%02x", digest++)), null));
                        assertEquals("replica us-west-2 appci-replica-us-west-2", route(result), edge + " request " + i);
                    }
                    assertEquals(3, server.connections.get() - connections, edge + ": one new connection per retry");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("on Node, a connection that cannot be opened is given up after s3.connectTimeoutMillis")
    void aConnectionThatHangsIsGivenUpAtTheConnectTimeoutOnNode() throws Exception {
        // A listener that never accepts, its accept queue filled: Linux then drops every new SYN,
        // so a new connection hangs in set-up as it would towards a dead host. (Only the Node
        // build is held to this: the JDK's connect is not interrupted by the SDK's call timeout,
        // see docs/design.md.)
        int connectLimit = dev.registryedge.handler.generated.RoutingTable.config().s3().connectTimeoutMillis();
        int callLimit = dev.registryedge.handler.generated.RoutingTable.config().s3().requestTimeoutMillis();
        List<java.net.Socket> filling = new java.util.ArrayList<>();
        try (java.net.ServerSocket unaccepting = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            while (true) {
                java.net.Socket socket = new java.net.Socket();
                try {
                    socket.connect(unaccepting.getLocalSocketAddress(), 200);
                    filling.add(socket);
                } catch (java.net.SocketTimeoutException queueFull) {
                    socket.close();
                    break;
                }
            }
            String endpoints = "us-west-2=http://127.0.0.1:" + unaccepting.getLocalPort();
            try (EdgeUnderTest node = EdgeUnderTest.node(ACCESS_KEY, SECRET_KEY, endpoints, null)) {
                node.handle(EventCorpus.event(S3IntegrationIT.APPCI, "8.8.8.8", "GET", blobUri("ab"), null)); // warm
                long started = System.nanoTime();
                JsonNode result = node.handle(EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.WEST2, "GET",
                        blobUri("cd"), null));
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                System.out.printf("node, connection never opened: pass through after %d ms (connect limit %d ms,"
                        + " call limit %d ms)%n", millis, connectLimit, callLimit);
                assertEquals("GET", result.path("method").asText(), result.toString());
                assertTrue(millis >= connectLimit && millis < (connectLimit + callLimit) / 2 + 100,
                        "gave up after " + millis + " ms");
            }
        } finally {
            for (java.net.Socket socket : filling) {
                socket.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"origin-request", "viewer-response", "origin-response"})
    @DisplayName("as any trigger but viewer request, both builds hand CloudFront's object back unchanged")
    void onlyAViewerRequestIsAnswered(String eventType) throws Exception {
        boolean responseTrigger = eventType.endsWith("-response");
        try (EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)), "", null);
                EdgeUnderTest node = EdgeUnderTest.node(ACCESS_KEY, SECRET_KEY, "", null)) {
            for (EdgeUnderTest edge : List.of(jvm, node)) {
                Map<String, Object> event = EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.EAST1, "GET",
                        blobUri("ab"), null);
                @SuppressWarnings("unchecked")
                Map<String, Object> cf = new java.util.LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>)
                        ((List<Object>) event.get("Records")).get(0)).get("cf"));
                @SuppressWarnings("unchecked")
                Map<String, Object> config = new java.util.LinkedHashMap<>((Map<String, Object>) cf.get("config"));
                config.put("eventType", eventType);
                cf.put("config", config);
                Map<String, Object> response = Map.of("status", "200", "statusDescription", "OK", "headers",
                        Map.of("etag", List.of(Map.of("key", "ETag", "value", "\"abc\""))));
                if (responseTrigger) {
                    cf.put("response", response);
                }
                JsonNode expected = NodeBundle.JSON.valueToTree(responseTrigger ? response : cf.get("request"));
                assertEquals(expected, edge.handle(Map.of("Records", List.of(Map.of("cf", cf)))), edge.toString());
            }
        }
    }
}
