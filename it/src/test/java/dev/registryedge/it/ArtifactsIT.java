package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What {@code mvn package} leaves for users, checked as they would use it. */
class ArtifactsIT {

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return output;
    }

    @Test
    void theRunnableJarExplainsAnAddress() throws Exception {
        Path jar = Project.commandLineJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = run(java, "-jar", jar.toString(), "explain", "52.22.255.189");
        // What the compiled-in map says of the address, whatever today's snapshot is.
        var map = dev.registryedge.handler.generated.AwsRegionMap.map();
        assertEquals("52.22.255.189 " + map.regionOf("52.22.255.189") + " " + map.matchedPrefix("52.22.255.189")
                + " (ip-ranges.json syncToken " + dev.registryedge.handler.generated.AwsRegionMap.SYNC_TOKEN
                + ", createDate " + dev.registryedge.handler.generated.AwsRegionMap.CREATE_DATE + ")\n", output);
        System.out.printf("registry-edge.jar: %,d bytes%n", Files.size(jar));
    }

    @Test
    void theRunnableJarDescribesDeployAndPrintsThePolicy() throws Exception {
        Path jar = Project.commandLineJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String help = run(java, "-jar", jar.toString(), "deploy", "--help");
        assertTrue(help.startsWith("Usage: registry-edge deploy "), help);
        assertTrue(help.contains("--dry-run") && help.contains("--role=ARN"), help);
        String policy = run(java, "-jar", jar.toString(), "policy");
        assertTrue(NodeBundle.JSON.readTree(policy).has("functionRole"), policy);
    }

    @Test
    void theLambdaZipHasTheJavaRuntimeLayoutAndNoCommandLineLibraries() throws Exception {
        Path zip = Project.handlerTarget().resolve("registry-edge-lambda.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = file.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("dev/registryedge/handler/jvm/LambdaHandler.class"), names.toString());
            assertTrue(names.contains("dev/registryedge/handler/generated/AwsRegionMap.class"));
            assertTrue(names.stream().anyMatch(n -> n.matches("lib/s3-[0-9.]+\\.jar")));
            assertTrue(names.stream().anyMatch(n -> n.matches("lib/ipmap-runtime-.*\\.jar")));
            assertFalse(names.stream().anyMatch(n -> n.startsWith("lib/jackson-") || n.startsWith("lib/picocli-")
                    || n.startsWith("lib/lambda-") || n.startsWith("lib/cloudfront-")),
                    "Jackson, picocli and the Lambda and CloudFront clients are for the command line");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("lib/apache") || n.startsWith("lib/netty")),
                    "only the URL-connection HTTP client");
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("dev/registryedge/cli/")
                    || n.matches("dev/registryedge/handler/(cli|deploy|report|policy)/.*") || n.startsWith("registry-edge/")
                    || n.startsWith("lib/cli-") || n.startsWith("lib/aws-stand-ins-")).toList(),
                    "the function carries none of the operators' tools");
        }
        long size = Files.size(zip);
        System.out.printf("registry-edge-lambda.zip: %,d bytes%n", size);
        assertTrue(size < 50L * 1024 * 1024, "Lambda's limit for a directly uploaded zip");
    }

    @Test
    void theNodeZipIsOneIndexJsWithNothingOfTheOperatorsTools() throws Exception {
        Path zip = Project.handlerTarget().resolve("edge-function.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(List.of("index.js"), file.stream().map(e -> e.getName()).toList());
        }
        // TeaVM renames classes, but keeps string constants: these belong to the tools alone.
        String indexJs = Files.readString(NodeBundle.indexJs());
        for (String toolsOnly : List.of("registry-edge:last-deploy", "registry-edge:disabled-viewer-request",
                "storesOutsideAws")) {
            assertFalse(indexJs.contains(toolsOnly), toolsOnly);
        }
    }

    @Test
    void theCompiledMapIsTheCheckedInSnapshot() throws Exception {
        Path generated = Project.handlerTarget()
                .resolve("classes/dev/registryedge/handler/generated/AwsRegionMap.class");
        System.out.printf("AwsRegionMap.class: %,d bytes%n", Files.size(generated));
        String syncToken = NodeBundle.JSON.readTree(Project.root().resolve("data/ip-ranges.json").toFile())
                .get("syncToken").asText();
        assertEquals(syncToken, dev.registryedge.handler.generated.AwsRegionMap.SYNC_TOKEN);
    }
}
