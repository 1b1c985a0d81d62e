package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js build, loaded by {@code node} through a small harness in a child process that
 * answers one request per line: the deployed {@code index.js}, or the test bundle (the same
 * handler with a configuration the test names, and the bare presigner).
 */
final class NodeBundle implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    final List<String> logs = new ArrayList<>();

    /** The deployed bundle. */
    NodeBundle(Map<String, String> environment) throws IOException {
        this(indexJs(), environment);
    }

    /** The test bundle with the routing configuration of that name ({@code TestRouting.named}). */
    static NodeBundle forTests(String routing, Map<String, String> environment) throws IOException {
        Map<String, String> withRouting = new java.util.HashMap<>(environment);
        withRouting.put("REGISTRY_EDGE_TEST_ROUTING", routing);
        return new NodeBundle(Project.root().resolve("it/target/test-bundle/index.js"), withRouting);
    }

    private NodeBundle(Path bundle, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(node(), resource("harness.js").toString(), bundle.toString());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = builder.start();
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The {@code node} executable, or a failure that says how to install it. */
    static String node() {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("node is not installed; the Lambda@Edge build is tested on it."
                + " Install it with: apt-get update && apt-get install -y nodejs");
    }

    static Path indexJs() {
        return Project.handlerTarget().resolve("edge-function/index.js");
    }

    static Path resource(String name) {
        try {
            return Path.of(NodeBundle.class.getResource("/edge/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one request and waits for its result. */
    JsonNode call(Map<String, Object> request) throws IOException {
        in.write(JSON.writeValueAsString(request) + "\n");
        in.flush();
        while (true) {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("node exited: " + String.join("\n", logs));
            }
            if (line.startsWith("RESULT ")) {
                return JSON.readTree(line.substring(7));
            }
            logs.add(line);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
