package dev.registryedge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.testing.Events;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The command line over the sample events. Existence checks go to a closed loopback port, so
 * the replica event falls back as it would without S3.
 */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return Main.run(Fixture.TABLES, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outputLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void explainNamesRegionPrefixAndSnapshot() {
        assertEquals(0, run("", "explain", "52.22.255.189", "2600:1f18:4000::1"));
        assertEquals(List.of(
                "52.22.255.189 us-east-1 52.20.0.0/14 (ip-ranges.json syncToken 1767225600, createDate 2026-01-01-00-00-00)",
                "2600:1f18:4000::1 us-east-1 2600:1f18::/33 (ip-ranges.json syncToken 1767225600, createDate"
                        + " 2026-01-01-00-00-00)"), outputLines());
    }

    @Test
    void explainSaysNoneOutsideEc2AndExitsNonZero() {
        assertEquals(1, run("", "explain", "8.8.8.8"));
        assertTrue(outputLines().get(0).startsWith("8.8.8.8 none - "), outputLines().toString());
    }

    @Test
    void invokeReplaysEveryFileInOrderOneLineEach() {
        String[] names = {"appci-us-east-1-blob", "appci-head-blob", "appci-us-west-2-blob", "build01-debug-local",
            "unknown-distribution-blob", "build03-us-east-1-blob"};
        String[] args = new String[names.length + 3];
        args[0] = "invoke";
        args[1] = "--s3-endpoint";
        args[2] = "http://127.0.0.1:1";
        for (int i = 0; i < names.length; i++) {
            args[i + 3] = Events.file(names[i]).toString();
        }

        assertEquals(0, run("", args));

        List<Map<String, Object>> results = outputLines().stream().map(Events::parse).toList();
        assertEquals(names.length, results.size());
        assertLocation(results.get(0), "http://127.0.0.1:1/ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix/");
        assertEquals("HEAD", results.get(1).get("method"));
        assertEquals("35.80.0.1", results.get(2).get("clientIp"), "the replica check fails, so CloudFront serves");
        assertLocation(results.get(3), "http://127.0.0.1:1/build01-9hdwj-image-registry-us-east-1-nucqrmelsxtgndkbvchwdkw/");
        assertEquals("GET", results.get(4).get("method"));
        assertLocation(results.get(5), "http://127.0.0.1:1/build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi/");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"reason\":\"unknown distribution\""));
    }

    @SuppressWarnings("unchecked")
    private static void assertLocation(Map<String, Object> response, String prefix) {
        assertEquals("307", response.get("status"), response.toString());
        Map<String, List<Map<String, String>>> headers = (Map<String, List<Map<String, String>>>) response.get("headers");
        String location = headers.get("location").get(0).get("value");
        assertTrue(location.startsWith(prefix), location);
    }

    @Test
    void invokeReadsStandardInputWhenNoFileIsNamed() throws Exception {
        String event = Files.readString(Events.file("appci-manifest"));
        assertEquals(0, run(event, "invoke"));
        assertEquals("/docker/registry/v2/repositories/ocp/4.11/_manifests/tags/latest/current/link",
                Events.parse(outputLines().get(0)).get("uri"));
    }

    @Test
    void invokeReportsAFileThatIsNotJson() {
        assertEquals(1, run("not json", "invoke"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("registry-edge: standard input: not a JSON event at"
                + " line 1, column 1: Unrecognized token 'not'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a JSON Lines file of captured events gives one result per event, in order")
    void invokeReadsEveryEventOfAJsonLinesInput() throws Exception {
        String lines = String.join("\n", Events.toJson(Events.load("appci-head-blob")),
                Events.toJson(Events.load("appci-manifest")), Events.toJson(Events.load("appci-us-east-1-blob"))) + "\n";
        assertEquals(0, run(lines, "invoke", "--s3-endpoint", "http://127.0.0.1:1"));
        List<String> results = outputLines();
        assertEquals(3, results.size(), results.toString());
        assertEquals("HEAD", Events.parse(results.get(0)).get("method"));
        assertEquals("GET", Events.parse(results.get(1)).get("method"));
        assertEquals("307", Events.parse(results.get(2)).get("status"));
    }

    @Test
    void whatIsLeftAfterTheEventsThatIsNotJsonIsAnErrorLineWithItsPosition() {
        assertEquals(1, run("{\"Records\": []} trailing garbage", "invoke"));
        List<String> results = outputLines();
        assertEquals(2, results.size(), results.toString());
        assertEquals("{}", results.get(0));
        assertTrue(Events.parse(results.get(1)).get("error").toString().startsWith("standard input: not a JSON event at"
                + " line 1, column 17 (after 1 events): Unrecognized token 'trailing'"), results.get(1));
        out.reset();
        assertEquals(1, run("", "invoke"));
        assertEquals("{\"error\":\"standard input: no JSON event in it\"}", outputLines().get(0));
    }

    @Test
    void anInputThatIsNotAnEventStillGetsItsOwnOutputLine(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.json"), "{\"Records\": [");
        assertEquals(1, run("", "invoke", Events.file("appci-head-blob").toString(), broken.toString(),
                Events.file("appci-manifest").toString()));
        List<String> lines = outputLines();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("HEAD", Events.parse(lines.get(0)).get("method"));
        assertTrue(Events.parse(lines.get(1)).get("error").toString().startsWith(broken + ": not a JSON event at line 1,"),
                lines.get(1));
        assertEquals("GET", Events.parse(lines.get(2)).get("method"));
    }

    @Test
    void badArgumentsSayWhatIsWrongAndExitWithTwo() {
        assertEquals(2, run("", "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unmatched argument at index 0: 'frobnicate'"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("", "invoke", "--s3-endpoint"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Missing required parameter for option '--s3-endpoint'"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(""));
        assertEquals(2, run("", "explain"));
        err.reset();
        assertEquals(2, run("", "explain", "52.22.255.189", "not-an-ip"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("'not-an-ip' is not an IPv4 or IPv6 address"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), outputLines(), "nothing is explained when an argument is wrong");
        assertEquals(2, run("", "policy", "--distribution", "E0NOSUCHDIST"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("distribution E0NOSUCHDIST is not in the routing"
                + " configuration"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : List.of("explain", "invoke", "policy")) {
            out.reset();
            assertEquals(0, run("", command, "--help"));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: registry-edge " + command),
                    out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void policyPrintsTheDocumentsForTheNamedDistributions() throws Exception {
        assertEquals(0, run("", "policy", "-d", "E2KP8SMSY4XB67"));
        com.fasterxml.jackson.databind.JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, policy.get("assumedRoles").size(), "app.ci reads its replicas with its own keys");
        assertEquals("s3:ListBucket", policy.at("/functionRole/permissionPolicy/Statement/1/Action/0").asText());
    }
}
