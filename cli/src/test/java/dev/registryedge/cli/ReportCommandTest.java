package dev.registryedge.cli;

import static dev.registryedge.cli.testing.StandardLogs.blob;
import static dev.registryedge.cli.testing.StandardLogs.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.cli.testing.StandardLogs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} through the command line: outputs, exit codes, argument checks. */
class ReportCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(Fixture.TABLES, args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path logs() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StandardLogs.write(logs.resolve("E2KP8SMSY4XB67.2026-11-01-10.a1.gz"), List.of(
                line("2026-11-01", "IAD89-C1", 1 << 30, "52.22.255.189", "GET", blob("aa"), 200, "docker", "Miss",
                        1 << 30, null),
                line("2026-11-01", "IAD89-C1", 1 << 20, "8.8.8.8", "GET", blob("bb"), 200, "docker", "Hit", 1 << 20,
                        null)));
        return logs;
    }

    @Test
    void writesTheSummaryTheJsonAndThePageWhole() throws Exception {
        Path logs = logs();
        Path json = dir.resolve("out/report.json");
        Path html = dir.resolve("out/report.html");

        assertEquals(0, run("report", logs.toString(), "--json", json.toString(), "--html", html.toString()),
                err.toString());

        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("registry-edge report: 1 files, 2 lines, 2 blob GETs (0 other requests),"
                + " 0 problems"), summary);
        assertTrue(summary.contains("with the function, replicas none (upper bound: all):"), summary);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, report.at("/totals/BUCKET/requests").asLong());
        assertEquals(1, report.at("/totals/CLOUDFRONT/requests").asLong());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"));
        assertTrue(page.contains("data-figure=\"totals.BUCKET.requests\" data-value=\"1\""), page);
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("report.html", "report.json"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no partial files left");
        }
    }

    @Test
    void nothingReadableExitsOneAndSaysWhy() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("bad"));
        Files.write(logs.resolve("E2KP8SMSY4XB67.2026-11-01-10.a1.gz"), new byte[] {31, -117, 8, 0});

        assertEquals(1, run("report", logs.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("truncated or corrupt gzip"), out.toString());
    }

    @Test
    void argumentsAreCheckedAndAPriceTableProblemIsNamed() throws Exception {
        Path logs = logs();
        Path refused = dir.resolve("refused").resolve("report.json");
        assertEquals(2, run("report", logs.toString(), "--replicas", "some", "--json", refused.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--replicas some: none or all"), err.toString());
        // The inventory exists: only the two options together are wrong.
        Path inventory = Files.writeString(dir.resolve("inventory.csv"), "\"b\",\"k\"\n");
        assertEquals(2, run("report", logs.toString(), "--replicas", "all", "--replicas-inventory", inventory.toString(),
                "--json", refused.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--replicas and --replicas-inventory exclude each other"),
                err.toString());
        assertEquals(2, run("report"));
        Path prices = Files.writeString(dir.resolve("prices.json"), "{\"cloudFront\": {}}");
        assertEquals(1, run("report", logs.toString(), "--prices", prices.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(prices + ": cloudFront.transferOutPerGb: missing or not an object"),
                err.toString());
        assertEquals(2, run("report", dir.resolve("missing").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing: no such file or directory"), err.toString());
        assertFalse(Files.exists(refused), "a refused command wrote its output");
        assertFalse(Files.exists(refused.getParent()), "a refused command made its output's directory");
    }

    @Test
    void anOutputIsReplacedWholeNotWrittenOver() throws Exception {
        Path logs = logs();
        Path json = Files.writeString(dir.resolve("old-report.json"), "x".repeat(1_000_000));
        assertEquals(0, run("report", logs.toString(), "--json", json.toString()), err.toString());
        String written = Files.readString(json);
        new ObjectMapper().readTree(written);
        assertTrue(written.length() < 1_000_000 && !written.contains("xxx"), "the old text is gone");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".partial")).toList());
        }
    }

    @Test
    void anOutputThatIsNotARegularFileIsRefusedBeforeAnyWorkAndLeftAlone() throws Exception {
        Path logs = logs();
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        Path target = Files.writeString(dir.resolve("target.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        Path device = Files.createSymbolicLink(dir.resolve("stdout.json"), Path.of("/dev/null"));
        for (Path output : List.of(directory, link, device, Path.of("/dev/null"))) {
            for (String option : List.of("--json", "--html")) {
                assertEquals(2, run("report", logs.toString(), option, output.toString()), option + " " + output);
                assertTrue(err.toString().contains(option + " " + output + ": not a regular file"), err.toString());
                assertEquals("", out.toString(), "no summary: the work was not done");
            }
        }
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(device) && Files.isDirectory(directory));
        assertEquals("keep me", Files.readString(target));
        try (var left = Files.list(directory)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aReportIsCreatedAsAnyNewFileIsWithTheUsersUmask() throws Exception {
        Path logs = logs();
        Path json = dir.resolve("report.json");
        assertEquals(0, run("report", logs.toString(), "--json", json.toString()), err.toString());
        // A file created the ordinary way gets the permissions the umask leaves; so must the report.
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(json));
    }

    @Test
    void plainLogsAreReadWithTheFieldsNamedAndAnUnknownFieldIsRefused() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        dev.registryedge.cli.testing.AccessLogs.write(plain.resolve("E2KP8SMSY4XB67").resolve("part-1.log"),
                dev.registryedge.cli.testing.AccessLogs.lines(dev.registryedge.cli.testing.AccessLogs.requests(),
                        r -> dev.registryedge.cli.testing.AccessLogs.delimited(List.of("c-ip", "sc-bytes", "cs-method",
                                "cs-uri-stem", "sc-status", "x-edge-location", "date"), ";", r), "\n"), false);
        Path json = dir.resolve("plain.json");
        assertEquals(0, run("report", plain.toString(), "--fields", "c-ip,sc-bytes,cs-method,cs-uri-stem,sc-status,"
                + "x-edge-location,date", "--json", json.toString()), err.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, report.at("/input/problems").asLong(), report.at("/input/problemExamples").toString());
        assertEquals(10, report.at("/input/lines").asLong());

        assertEquals(2, run("report", plain.toString(), "--fields", "c-ip,sc-bytes,cs-method,cs-uri-stem,sc-status,"
                + "x-edge-location,date,c-ip"));
        assertTrue(err.toString().contains("--fields: the fields name c-ip twice, so which value counts is unknown"),
                err.toString());
        assertEquals(2, run("report", plain.toString(), "--fields", "c-ip,sc-bytes"));
        assertTrue(err.toString().contains("--fields: the fields lack date (or timestamp), x-edge-location, cs-method,"
                + " cs-uri-stem, sc-status"), err.toString());
        assertEquals(2, run("report", plain.toString(), "--fields", "c-ip,cs-uri-stm"));
        assertTrue(err.toString().contains("--fields: 'cs-uri-stm' is not a field of CloudFront's access logs"),
                err.toString());
    }
}
