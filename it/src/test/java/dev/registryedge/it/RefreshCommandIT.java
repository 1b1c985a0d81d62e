package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The refresh command users reach for on a fresh clone, {@code mvn generate-sources
 * -Dipmap.refresh=true}, cannot run the plugin this same build compiles: it fails at once,
 * before any download, saying what to run instead, and leaves the snapshot alone.
 */
class RefreshCommandIT {

    @Test
    void generateSourcesWithRefreshSaysWhatToRunInstead() throws Exception {
        byte[] snapshot = Files.readAllBytes(Project.root().resolve("data/ip-ranges.json"));
        Process process = new ProcessBuilder("mvn", "-B", "generate-sources", "-Dipmap.refresh=true",
                "-Dipmap.url=http://127.0.0.1:1/ip-ranges.json")
                .directory(Project.root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Run `mvn package -Dipmap.refresh=true -DskipTests` (one step, from a fresh clone)"),
                output);
        assertTrue(!output.contains("Could not resolve") && !output.contains("download failed"), output);
        assertTrue(java.util.Arrays.equals(snapshot, Files.readAllBytes(Project.root().resolve("data/ip-ranges.json"))));
    }
}
