package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.standins.SecretsManagerStandIn;
import dev.registryedge.it.bundle.TestRouting;
import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.jvm.LambdaHandler;
import dev.registryedge.handler.testing.SdkPresignCases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The Node.js build against the JVM build, and within Lambda@Edge's limits. */
class EdgeFunctionIT {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> EVENT =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    @Test
    void theBundleFitsLambdaAtEdgeAndRequiresOnlyNodeBuiltIns() throws Exception {
        Path zip = Project.handlerTarget().resolve("edge-function.zip");
        long size = Files.size(zip);
        System.out.printf("edge-function.zip: %,d bytes (index.js %,d bytes)%n", size, Files.size(NodeBundle.indexJs()));
        assertTrue(size < 1024 * 1024, "Lambda@Edge takes at most 1 MB compressed");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(List.of("index.js"), file.stream().map(e -> e.getName()).toList());
        }
        String source = Files.readString(NodeBundle.indexJs());
        java.util.regex.Matcher exports = java.util.regex.Pattern.compile("exports\\.(\\w+)=").matcher(source);
        List<String> exported = new ArrayList<>();
        while (exports.find()) {
            exported.add(exports.group(1));
        }
        assertEquals(List.of("handler"), exported, "test hooks stay out of the deployed bundle");
        java.util.regex.Matcher requires = java.util.regex.Pattern.compile("require\\(\"([^\"]*)\"\\)").matcher(source);
        while (requires.find()) {
            assertTrue(requires.group(1).startsWith("node:"), "requires " + requires.group(1));
        }
    }

    @Test
    @DisplayName("1,000+ events give the same decisions on Node as on the JVM: route, bucket, URL but for its signing time")
    void decisionsMatchTheJvmHandler() throws Exception {
        EventCorpus corpus = new EventCorpus(20261128);
        List<Map<String, Object>> events = new ArrayList<>(corpus.specRows());
        events.addAll(corpus.random(1100, 9));

        try (FakeAws aws = new FakeAws(corpus.replicated)) {
            AwsSettings settings = new AwsSettings(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY)), S3Endpoints.parse(aws.uri().toString()), aws.uri(),
                    RoutingTable.config(), Clock.SYSTEM);
            ByteArrayOutputStream jvmLog = new ByteArrayOutputStream();
            LambdaHandler jvm = new LambdaHandler(LambdaHandler.router(settings,
                    new PrintStreamDecisionLog(new PrintStream(jvmLog, true, StandardCharsets.UTF_8))));
            Map<String, String> environment = new HashMap<>();
            environment.put("AWS_ACCESS_KEY_ID", FakeAws.ACCESS_KEY);
            environment.put("AWS_SECRET_ACCESS_KEY", FakeAws.SECRET_KEY);
            environment.put("REGISTRY_EDGE_S3_ENDPOINT", aws.uri().toString());
            environment.put("REGISTRY_EDGE_STS_ENDPOINT", aws.uri().toString());

            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            List<String> nodeLogs = new ArrayList<>();
            try (NodeBundle node = new NodeBundle(environment)) {
                for (Map<String, Object> event : events) {
                    String json = NodeBundle.JSON.writeValueAsString(event);
                    JsonNode expected = NodeBundle.JSON.valueToTree(jvm.handleRequest(
                            NodeBundle.JSON.readValue(json, EVENT), null));
                    JsonNode actual = node.call(Map.of("op", "handler", "event", NodeBundle.JSON.readTree(json)));
                    assertEquals(withoutSigningTime(expected), withoutSigningTime(actual), json);
                    boolean redirect = expected.path("status").asText().equals("307");
                    if (redirect) {
                        // The masked parts checked on their own: both signatures are what S3 would accept.
                        for (JsonNode response : List.of(expected, actual)) {
                            String location = response.at("/headers/location/0/value").asText();
                            assertNull(PresignedUrls.problem(location, SIGNERS, java.time.Instant.now()), location);
                        }
                    }
                    String outcome = redirect ? "redirect "
                            + expected.at("/headers/x-registry-edge-route/0/value").asText().split(" ")[0] : "pass through";
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                // Both builds log CloudFront's request id with the decision (the sample events carry r-<name>).
                JsonNode sample = NodeBundle.JSON.readTree(dev.registryedge.handler.testing.Events.file(
                        "appci-us-east-1-blob").toFile());
                node.call(Map.of("op", "handler", "event", sample));
                jvm.handleRequest(NodeBundle.JSON.convertValue(sample, EVENT), null);
                for (String logged : List.of(String.join("\n", node.logs), jvmLog.toString(StandardCharsets.UTF_8))) {
                    assertTrue(logged.contains("\"requestId\":\"r-appci-us-east-1-blob\""), logged.lines()
                            .reduce((a, b) -> b).orElse(""));
                }
                nodeLogs.addAll(node.logs);
            }
            // Every decision line of both builds is an Embedded Metric Format document CloudWatch
            // takes (read by a reader written from the specification), counting what was decided,
            // with dimension values only from the configuration.
            Map<String, Map<String, Double>> jvmMetrics = metricsOf(jvmLog.toString(StandardCharsets.UTF_8).lines().toList());
            Map<String, Map<String, Double>> nodeMetrics = metricsOf(nodeLogs);
            assertEquals(jvmMetrics, nodeMetrics, "the same metrics from both builds");
            double decisions = jvmMetrics.values().stream().mapToDouble(m -> m.getOrDefault("Decisions", 0.0)).sum();
            double redirects = jvmMetrics.values().stream().mapToDouble(m -> m.getOrDefault("Redirects", 0.0)).sum();
            assertEquals(events.size() + 1, (int) decisions, jvmMetrics.toString());
            assertEquals(outcomes.getOrDefault("redirect replica", 0) + outcomes.getOrDefault("redirect bucket", 0) + 1,
                    (int) redirects, jvmMetrics.toString());
            System.out.println("differential routing over " + events.size() + " events: " + outcomes
                    + ", AssumeRole calls " + aws.assumeRoleCalls.get() + "; metrics per dimension set: " + jvmMetrics);
            assertTrue(outcomes.getOrDefault("redirect replica", 0) > 20, outcomes.toString());
            assertTrue(outcomes.getOrDefault("redirect bucket", 0) > 20, outcomes.toString());
            assertTrue(outcomes.getOrDefault("pass through", 0) > 100, outcomes.toString());
            assertTrue(jvmLog.toString(StandardCharsets.UTF_8).contains("\"unusable\":[\"appci-replica-us-east-2\"]"),
                    "a failed replica check moved on to the farm's bucket");
        }
    }

    /**
     * Sums of each metric per dimension set, over every decision line in the log; the Node build's
     * lines must be the document alone, as CloudWatch requires of a log event.
     */
    private static Map<String, Map<String, Double>> metricsOf(List<String> log) {
        Map<String, Map<String, Double>> sums = new java.util.TreeMap<>();
        java.util.Set<String> names = new java.util.HashSet<>(List.of("other"));
        RoutingTable.config().distributions().values().forEach(d -> names.add(d.name()));
        for (String line : log) {
            if (!line.contains("\"distributionId\"")) {
                continue;
            }
            assertTrue(line.startsWith("{\"_aws\":"), line);
            for (dev.registryedge.handler.testing.EmfReader.Value value : dev.registryedge.handler.testing.EmfReader
                    .read(line)) {
                assertTrue(names.contains(value.dimensions().get("Distribution")), line);
                sums.computeIfAbsent(new java.util.TreeMap<>(value.dimensions()).toString(), k -> new java.util.TreeMap<>())
                        .merge(value.metric(), value.metric().equals("S3CheckMillis") ? 0 : value.value(), Double::sum);
            }
        }
        return sums;
    }

    @Test
    @DisplayName("a zero-egress cache with keys from Secrets Manager: the same decisions on Node as on the JVM")
    void zeroEgressDecisionsMatchTheJvmHandler() throws Exception {
        java.util.Random random = new java.util.Random(20261129);
        java.util.Set<String> present = new java.util.HashSet<>();
        List<Map<String, Object>> events = new ArrayList<>();
        String[] clients = {"52.22.255.189", "2600:1f18:4000::1", "3.12.0.1", "8.8.8.8"};
        for (int i = 0; i < 240; i++) {
            // Digests starting f0/f1/f2 make FakeAws answer 500, 403 or never; the rest by presence.
            String digest = (i % 10 == 0 ? "f" + (i / 10 % 2) : String.format("%02x", random.nextInt(0xe0)))
                    + String.format("%062x", new java.math.BigInteger(61 * 4, random));
            if (random.nextBoolean()) {
                present.add(TestRouting.CACHE_BUCKET + "/" + EventCorpus.blobKey(digest));
            }
            events.add(EventCorpus.event(TestRouting.ZERO_EGRESS_DISTRIBUTION, clients[i % clients.length],
                    i % 17 == 0 ? "HEAD" : "GET", "/" + EventCorpus.blobKey(digest), null));
        }
        try (FakeAws aws = new FakeAws(present);
             SecretsManagerStandIn secrets = new SecretsManagerStandIn("us-east-1",
                     Map.of(FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY))) {
            secrets.putKeyPair(TestRouting.CACHE_SECRET_ARN, "AKIDCACHEDIFF", "cache-diff-secret");
            EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY)), aws.uri().toString(), aws.uri(), secrets.uri(),
                    TestRouting.zeroEgress(aws.uri().toString()), new PrintStream(new ByteArrayOutputStream(), true,
                            StandardCharsets.UTF_8));
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            try (EdgeUnderTest node = EdgeUnderTest.node(FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY, aws.uri().toString(),
                    aws.uri(), "zero-egress-" + aws.uri(), Map.of("REGISTRY_EDGE_SECRETS_ENDPOINT",
                            secrets.uri().toString()), null)) {
                Map<String, String> signers = Map.of(FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY, "AKIDCACHEDIFF",
                        "cache-diff-secret");
                for (Map<String, Object> event : events) {
                    JsonNode expected = jvm.handle(event);
                    JsonNode actual = node.handle(event);
                    assertEquals(withoutSigningTime(expected), withoutSigningTime(actual), event.toString());
                    String route = expected.at("/headers/x-registry-edge-route/0/value").asText("pass through");
                    if (!route.equals("pass through")) {
                        for (JsonNode response : List.of(expected, actual)) {
                            String location = response.at("/headers/location/0/value").asText();
                            assertNull(PresignedUrls.problem(location, signers, java.time.Instant.now()), location);
                        }
                    }
                    outcomes.merge(route, 1, Integer::sum);
                }
            }
            System.out.println("differential routing with a zero-egress cache over " + events.size() + " events: "
                    + outcomes + ", GetSecretValue calls " + secrets.calls.get());
            assertTrue(outcomes.getOrDefault("bucket auto cache", 0) > 20, outcomes.toString());
            assertTrue(outcomes.getOrDefault("bucket us-east-1 farm", 0) > 20, outcomes.toString());
        }
    }

    /** The keys that may sign in this test: the function's and the role's handed out by FakeAws. */
    private static final Map<String, String> SIGNERS = Map.of(FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY, "ASIAROLE",
            "role-secret");

    /** The JSON with the signing time and signature taken out of any location URL. */
    private static JsonNode withoutSigningTime(JsonNode response) throws java.io.IOException {
        return NodeBundle.JSON.readTree(response.toString()
                .replaceAll("X-Amz-Date=\\d{8}T\\d{6}Z", "X-Amz-Date=*")
                .replaceAll("%2F\\d{8}%2F", "%2F*%2F")
                .replaceAll("X-Amz-Signature=[0-9a-f]{64}", "X-Amz-Signature=*"));
    }

    @Test
    @DisplayName("the compiled presigner gives the SDK's URLs too")
    void presignerMatchesTheSdkOnNode() throws Exception {
        try (NodeBundle node = NodeBundle.forTests("deployed", Map.of())) {
            for (SdkPresignCases.Case c : SdkPresignCases.cases()) {
                SdkPresignCases.Signed sdk = SdkPresignCases.sdk(c);
                Map<String, Object> args = new HashMap<>();
                args.put("accessKeyId", sdk.accessKeyId());
                args.put("secretAccessKey", sdk.secretAccessKey());
                args.put("sessionToken", sdk.sessionToken() == null ? "" : sdk.sessionToken());
                args.put("region", c.region());
                args.put("endpoint", c.endpoint() == null ? "" : c.endpoint());
                args.put("pathStyle", c.pathStyle());
                args.put("bucket", c.bucket());
                args.put("key", c.key());
                args.put("expiresSeconds", c.seconds());
                args.put("nowMillis", sdk.signedAtMillis());
                assertEquals(sdk.url(), node.call(Map.of("op", "presign", "args", args)).asText(), c.toString());
            }
        }
    }

    @Test
    void coldStartIsMeasuredInFreshProcesses() throws Exception {
        Path event = Project.root().resolve("data/events/appci-us-east-1-blob.json");
        double[] millis = new double[9];
        for (int i = 0; i < millis.length; i++) {
            ProcessBuilder builder = new ProcessBuilder(NodeBundle.node(), NodeBundle.resource("cold-start.js").toString(),
                    NodeBundle.indexJs().toString(), event.toString());
            builder.environment().put("AWS_ACCESS_KEY_ID", FakeAws.ACCESS_KEY);
            builder.environment().put("AWS_SECRET_ACCESS_KEY", FakeAws.SECRET_KEY);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String line = output.lines().filter(l -> l.startsWith("COLD ")).findFirst().orElseThrow();
            assertTrue(line.endsWith(" 307"), line);
            millis[i] = Double.parseDouble(line.split(" ")[1]);
        }
        Arrays.sort(millis);
        System.out.printf("cold start (require + first decision, %d fresh node processes): median %.1f ms, min %.1f, max %.1f%n",
                millis.length, millis[millis.length / 2], millis[0], millis[millis.length - 1]);
    }

    @Test
    @DisplayName("no invocation waits for a zero-delay timeout, which Node rounds up to 1 ms")
    void noInvocationWaitsForAZeroDelayTimeout() throws Exception {
        Path events = Project.root().resolve("data/events");
        ProcessBuilder builder = new ProcessBuilder(NodeBundle.node(), NodeBundle.resource("zero-delay.js").toString(),
                NodeBundle.indexJs().toString(), events.resolve("appci-internet-blob.json").toString(),
                events.resolve("appci-us-east-1-blob.json").toString(), events.resolve("appci-head-blob.json").toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", FakeAws.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", FakeAws.SECRET_KEY);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("ZERO_DELAY_TIMEOUTS 0 150", output.strip(), output);
    }

    @Test
    void faultsFallBackToCloudFrontWithinTheBudget() throws Exception {
        EventCorpus corpus = new EventCorpus(1);
        try (FakeAws aws = new FakeAws(corpus.replicated)) {
            Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", FakeAws.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
                    FakeAws.SECRET_KEY, "REGISTRY_EDGE_S3_ENDPOINT", aws.uri().toString());
            try (NodeBundle node = new NodeBundle(environment)) {
                String west2 = "35.80.0.1";
                for (String fault : List.of("f0", "f1", "f2")) {
                    String digest = fault + "0".repeat(62);
                    Map<String, Object> event = EventCorpus.event("E2KP8SMSY4XB67", west2, "GET",
                            "/" + EventCorpus.blobKey(digest), null);
                    long started = System.nanoTime();
                    JsonNode result = node.call(Map.of("op", "handler", "event", NodeBundle.JSON.valueToTree(event)));
                    long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    assertEquals("GET", result.get("method").asText(), fault + " passes through");
                    System.out.printf("node, HeadObject fault %s: pass through after %d ms%n",
                            Map.of("f0", "500", "f1", "403", "f2", "stall").get(fault), elapsed);
                    assertTrue(elapsed < 2500, fault + " took " + elapsed + " ms");
                }
            }
        }
        Map<String, String> refused = Map.of("AWS_ACCESS_KEY_ID", FakeAws.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
                FakeAws.SECRET_KEY, "REGISTRY_EDGE_S3_ENDPOINT", "http://127.0.0.1:1");
        try (NodeBundle node = new NodeBundle(refused)) {
            Map<String, Object> event = EventCorpus.event("E2KP8SMSY4XB67", "35.80.0.1", "GET",
                    "/" + EventCorpus.blobKey("ab" + "0".repeat(62)), null);
            assertEquals("GET", node.call(Map.of("op", "handler", "event", NodeBundle.JSON.valueToTree(event)))
                    .get("method").asText());
        }
        try (NodeBundle node = new NodeBundle(Map.of())) {
            Map<String, Object> event = EventCorpus.event("E2KP8SMSY4XB67", "52.22.255.189", "GET",
                    "/" + EventCorpus.blobKey("ab" + "0".repeat(62)), null);
            assertEquals("GET", node.call(Map.of("op", "handler", "event", NodeBundle.JSON.valueToTree(event)))
                    .get("method").asText(), "no credentials: CloudFront serves");
        }
    }
}
