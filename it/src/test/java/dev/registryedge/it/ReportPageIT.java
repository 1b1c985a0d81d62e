package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report's HTML page in a real browser: a month of generated logs for two distributions
 * through {@code java -jar registry-edge.jar report --json --html}, then the page loaded from
 * disk by headless Chromium with networking off, at a desktop and a phone width. Screenshots
 * are kept as {@code it/target/report-page-<viewport>.png}.
 */
class ReportPageIT {

    private static final Path TARGET = Project.root().resolve("it/target");
    private static final List<String> CHARTS = List.of("bytes-per-day", "usd-per-day", "per-distribution",
            "client-regions", "cumulative-savings");
    private static Path page;
    private static JsonNode report;

    @BeforeAll
    static void report() throws Exception {
        Path work = Files.createDirectories(TARGET.resolve("report-page"));
        // build10's and an unknown distribution's labels are the longest the charts draw.
        Path logs = work.resolve("logs-four-distributions");
        if (!Files.isDirectory(logs)) {
            GeneratedLogs.write(logs, new String[] {"E2KP8SMSY4XB67", "E2PBG0JIU6CTJY", "E2N1Y2UGVWY8LA",
                "EUNKNOWN000000"}, LocalDate.of(2026, 10, 1), 30, 2, 150, 400, 11);
        }
        page = work.resolve("report.html");
        Path json = work.resolve("report.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", Project.commandLineJar()
                .toString(), "report", logs.toString(), "--json", json.toString(), "--html", page.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        report = NodeBundle.JSON.readTree(json.toFile());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900, false", "wide, 1400, 900, false", "phone, 390, 844, true"})
    void thePageShowsEveryChartAndTheJsonsFiguresWithoutErrorsOrFetches(String viewport, int width, int height,
            boolean mobile) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createTempDirectory("chromium-profile"))) {
            chromium.load(page, width, height, mobile);
            JsonNode seen = chromium.evaluate("""
                    ({
                      figures: [...document.querySelectorAll('[data-figure]')]
                          .map(e => ({path: e.dataset.figure, value: e.dataset.value, text: e.textContent.trim()})),
                      charts: [...document.querySelectorAll('figure.chart')].map(f => {
                        const box = f.querySelector('svg').getBoundingClientRect();
                        const marks = [...f.querySelectorAll('rect, circle, polyline')]
                            .filter(m => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
                        return {id: f.dataset.chart, width: box.width, height: box.height, marks: marks.length};
                      }),
                      clipped: [...document.querySelectorAll('svg')].flatMap(svg => {
                        const box = svg.getBoundingClientRect();
                        return [...svg.querySelectorAll('text')].filter(t => {
                          const b = t.getBoundingClientRect();
                          return b.left < box.left - 0.5 || b.right > box.right + 0.5
                              || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5;
                        }).map(t => t.textContent);
                      }),
                      overflow: document.documentElement.scrollWidth > window.innerWidth,
                      fetched: performance.getEntriesByType('resource').map(r => r.name)
                    })""");
            chromium.screenshot(TARGET.resolve("report-page-" + viewport + ".png"));

            assertEquals(List.of(), chromium.errors, "console errors");
            assertEquals(0, seen.get("fetched").size(), "the page fetched " + seen.get("fetched"));
            assertFalse(seen.get("overflow").asBoolean(), "the page is wider than the " + viewport + " screen");
            assertEquals(CHARTS, seen.get("charts").findValuesAsText("id"));
            for (JsonNode chart : seen.get("charts")) {
                assertTrue(chart.get("width").asDouble() > 0 && chart.get("height").asDouble() > 0, chart.toString());
                assertTrue(chart.get("marks").asInt() > 0, "an empty chart: " + chart);
            }
            assertTrue(seen.get("figures").size() >= 12, seen.get("figures").toString());
            assertEquals(0, seen.get("clipped").size(), "labels outside their chart: " + seen.get("clipped"));
            for (JsonNode figure : seen.get("figures")) {
                String path = figure.get("path").asText();
                JsonNode expected = report.at("/" + path.replace('.', '/'));
                assertFalse(expected.isMissingNode(), figure.toString());
                assertEquals(expected.asText(), figure.get("value").asText(), path);
                // What a reader sees, worked out here from the JSON value.
                String shown = expected.isNull() ? "none covers it"
                        : path.endsWith(".requests") ? String.format(java.util.Locale.ROOT, "%,d", expected.asLong())
                        : path.endsWith(".bytes") ? dev.registryedge.cli.report.ReportText.bytes(expected.asLong())
                        : String.format(java.util.Locale.ROOT, "$%,.2f", expected.asDouble());
                assertEquals(shown, figure.get("text").asText(), path);
            }
        }
    }
}
