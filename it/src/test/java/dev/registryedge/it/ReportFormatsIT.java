package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.cli.testing.AccessLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar reads every format CloudFront delivers access logs in as its own tests say
 * the report does: Parquet's codecs and the Hadoop classes they load, merged service files and
 * native libraries all survive the shading into one jar.
 */
class ReportFormatsIT {

    @TempDir
    Path dir;

    private JsonNode report(Path logs) throws Exception {
        Path json = dir.resolve("report-" + logs.getFileName() + ".json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("report-" + logs.getFileName() + ".out");
        Process process = new ProcessBuilder(java, "-jar", Project.commandLineJar().toString(), "report",
                logs.toString(), "--json", json.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the report on " + logs + " did not end within 120 s");
        }
        assertEquals(0, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        ObjectNode report = (ObjectNode) NodeBundle.JSON.readTree(json.toFile());
        assertEquals(0, report.at("/input/problems").asLong(), logs + ": " + report.at("/input/problemExamples"));
        ((ObjectNode) report.get("input")).remove("files");
        return report;
    }

    @Test
    void theJarGivesEveryFormatTheReportOfTheLegacyLog() throws Exception {
        JsonNode legacy = report(AccessLogs.legacy(Files.createDirectories(dir.resolve("legacy"))));
        assertEquals(7, legacy.at("/input/blobGets").asLong());
        for (Map.Entry<String, Path> format : AccessLogs.everyFormat(dir.resolve("formats")).entrySet()) {
            assertEquals(legacy, report(format.getValue()), format.getKey());
        }
    }
}
