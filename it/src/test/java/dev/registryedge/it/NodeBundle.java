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

    /** The Node.js majors Lambda@Edge offers (nodejs22.x, nodejs24.x); 20 is deprecated. */
    static final List<Integer> LAMBDA_EDGE_MAJORS = List.of(22, 24);

    private static String node;

    /**
     * The {@code node} the build prepared (see {@code src/test/node/ensure-node.sh}), else the
     * one on PATH; a failure that says how to get one unless it is a Node.js Lambda@Edge runs.
     */
    static synchronized String node() {
        if (node != null) {
            return node;
        }
        String prepared = System.getProperty("registryedge.node");
        Path candidate = prepared != null && Files.isExecutable(Path.of(prepared)) ? Path.of(prepared) : onPath();
        String howToGet = " `mvn verify` fetches Node.js 22 from the npm registry when npm is installed"
                + " (apt-get update && apt-get install -y nodejs npm), or put Node.js 22 or 24 first on PATH.";
        if (candidate == null) {
            return fail("node is not installed; the Lambda@Edge build is tested on it." + howToGet);
        }
        String version = run(candidate.toString(), "--version");
        int major = Integer.parseInt(version.replaceAll("^v(\\d+)\\..*$", "$1"));
        if (!LAMBDA_EDGE_MAJORS.contains(major)) {
            return fail(candidate + " is Node.js " + version + ", which Lambda@Edge does not offer (it runs "
                    + LAMBDA_EDGE_MAJORS + ")." + howToGet);
        }
        node = candidate.toString();
        return node;
    }

    private static Path onPath() {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, "node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
