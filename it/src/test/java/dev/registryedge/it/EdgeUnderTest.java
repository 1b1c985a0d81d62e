package dev.registryedge.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.jvm.LambdaHandler;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** One build of the function, JVM or Node.js, handling events as CloudFront would hand them over. */
interface EdgeUnderTest extends AutoCloseable {

    TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {};

    JsonNode handle(Map<String, Object> event) throws IOException;

    /** What the function has written so far (its decision lines among them), when it is kept; else empty. */
    default List<String> output() {
        return List.of();
    }

    @Override
    void close() throws IOException;

    /** The JVM handler with the given credentials and endpoints. */
    static EdgeUnderTest jvm(AwsCredentialsProvider credentials, String s3Endpoints, URI sts) {
        return jvm(credentials, s3Endpoints, sts, RoutingTable.config());
    }

    /** The JVM handler with another routing configuration. */
    static EdgeUnderTest jvm(AwsCredentialsProvider credentials, String s3Endpoints, URI sts, RoutingConfig routing) {
        return jvm(credentials, s3Endpoints, sts, null, routing, System.out);
    }

    /** The JVM handler with Secrets Manager at {@code secrets}, logging to {@code log}. */
    static EdgeUnderTest jvm(AwsCredentialsProvider credentials, String s3Endpoints, URI sts, URI secrets,
            RoutingConfig routing, java.io.PrintStream log) {
        AwsSettings settings = new AwsSettings(credentials, S3Endpoints.parse(s3Endpoints), sts, secrets, routing,
                Clock.SYSTEM);
        // What the handler logs goes to log and is kept, as CloudWatch Logs would keep it.
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                log.write(b);
                kept.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                log.write(bytes, offset, length);
                kept.write(bytes, offset, length);
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        LambdaHandler handler = new LambdaHandler(LambdaHandler.router(settings, new PrintStreamDecisionLog(both)));
        return new EdgeUnderTest() {
            @Override
            public JsonNode handle(Map<String, Object> event) throws IOException {
                // Through JSON, as the Lambda runtime does, so the handler gets fresh mutable maps.
                Map<String, Object> copy = NodeBundle.JSON.readValue(NodeBundle.JSON.writeValueAsBytes(event), EVENT);
                return NodeBundle.JSON.valueToTree(handler.handleRequest(copy, null));
            }

            @Override
            public List<String> output() {
                synchronized (both) {
                    return kept.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
                }
            }

            @Override
            public void close() {}

            @Override
            public String toString() {
                return "jvm";
            }
        };
    }

    /** The Node.js bundle with the given keys and endpoints. */
    static EdgeUnderTest node(String accessKey, String secretKey, String s3Endpoints, URI sts) {
        return node(accessKey, secretKey, s3Endpoints, sts, null);
    }

    /**
     * The Node.js bundle with the given keys and endpoints: the deployed one, or with
     * {@code testRouting} the test bundle with that configuration ({@code TestRouting.named}).
     */
    static EdgeUnderTest node(String accessKey, String secretKey, String s3Endpoints, URI sts, String testRouting) {
        return node(accessKey, secretKey, s3Endpoints, sts, testRouting, Map.of(), null);
    }

    /**
     * The test bundle with more environment ({@code REGISTRY_EDGE_SECRETS_ENDPOINT}, say), its
     * output lines collected in {@code logs} when given.
     */
    static EdgeUnderTest node(String accessKey, String secretKey, String s3Endpoints, URI sts, String testRouting,
            Map<String, String> more, List<String> logs) {
        Map<String, String> environment = new HashMap<>(more);
        if (accessKey != null) {
            environment.put("AWS_ACCESS_KEY_ID", accessKey);
            environment.put("AWS_SECRET_ACCESS_KEY", secretKey);
        }
        environment.put("REGISTRY_EDGE_S3_ENDPOINT", s3Endpoints);
        if (sts != null) {
            environment.put("REGISTRY_EDGE_STS_ENDPOINT", sts.toString());
        }
        NodeBundle bundle;
        try {
            bundle = testRouting == null ? new NodeBundle(environment) : NodeBundle.forTests(testRouting, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EdgeUnderTest() {
            @Override
            public JsonNode handle(Map<String, Object> event) throws IOException {
                return bundle.call(Map.of("op", "handler", "event", event));
            }

            @Override
            public List<String> output() {
                return List.copyOf(bundle.logs);
            }

            @Override
            public void close() throws IOException {
                if (logs != null) {
                    logs.addAll(bundle.logs);
                }
                bundle.close();
            }

            @Override
            public String toString() {
                return "node";
            }
        };
    }
}
