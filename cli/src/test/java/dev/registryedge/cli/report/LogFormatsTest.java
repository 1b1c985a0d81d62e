package dev.registryedge.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.cli.testing.AccessLogs;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format CloudFront delivers access logs in, each written from one list of requests
 * ({@link AccessLogs}): each must give the report the legacy standard log of the same requests
 * gives, with no problem. The formats are told by content; the files are named and placed as
 * each delivery names and places them.
 */
class LogFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_CI = "E2KP8SMSY4XB67";

    @TempDir
    Path dir;
    private Prices prices;

    @BeforeEach
    void prices() {
        prices = TestPrices.table();
    }

    private JsonNode report(Path logs, List<String> plainFields, List<Path> decisions) throws Exception {
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, null, null, prices, 2, null, Bill.Elsewhere.NONE,
                        decisions, plainFields));
        ObjectNode json = (ObjectNode) JSON.readTree(result.json().toString());
        assertEquals(0, json.at("/input/problems").asLong(), logs + ": " + json.at("/input/problemExamples"));
        ((ObjectNode) json.get("input")).remove("files");
        return json;
    }

    private JsonNode report(Path logs) throws Exception {
        return report(logs, DelimitedLog.STANDARD_FIELDS, List.of());
    }

    @Test
    void theLegacyLogIsReadWhole() throws Exception {
        JsonNode legacy = report(AccessLogs.legacy(dir.resolve("legacy")));
        assertEquals(10, legacy.at("/input/lines").asLong());
        assertEquals(7, legacy.at("/input/blobGets").asLong());
        assertEquals(3, legacy.at("/input/otherRequests").asLong());
        assertEquals(0, legacy.at("/input/redirectsOfUnknownOrigin").asLong());
        assertEquals(2, legacy.at("/actual/totals/BUCKET/requests").asLong());
    }

    @Test
    void everyFormatGivesTheReportTheLegacyLogGives() throws Exception {
        JsonNode legacy = report(AccessLogs.legacy(dir.resolve("legacy")));
        Map<String, Path> formats = AccessLogs.everyFormat(dir.resolve("formats"));
        assertEquals(22, formats.size());
        for (Map.Entry<String, Path> format : formats.entrySet()) {
            assertEquals(legacy, report(format.getValue()), format.getKey());
        }
    }

    @Test
    void plainWithTheFieldsNamedGivesTheSameReport() throws Exception {
        JsonNode legacy = report(AccessLogs.legacy(dir.resolve("legacy")));
        Path named = dir.resolve("plain-named");
        AccessLogs.write(named.resolve("logs.gz"), AccessLogs.lines(AccessLogs.requests(),
                r -> AccessLogs.delimited(AccessLogs.V2, "|", r), "\n"), true);
        assertEquals(legacy, report(named, AccessLogs.V2, List.of()));
    }

    @Test
    void withoutAResultTypeA307IsTheFunctionsOnlyWhenItsDecisionLogSaysSo() throws Exception {
        List<String> noResultType = new ArrayList<>(AccessLogs.V2);
        noResultType.remove("x-edge-result-type");
        Path logs = dir.resolve("no-result-type");
        AccessLogs.write(logs.resolve("part.gz"), AccessLogs.w3c(noResultType, "\t", AccessLogs.requests()), true);
        JsonNode report = report(logs);
        // Nothing says who made the two 307s: counted apart, not as the function's.
        assertEquals(2, report.at("/input/redirectsOfUnknownOrigin").asLong());
        assertEquals(5, report.at("/input/blobGets").asLong());
        assertEquals(0, report.at("/actual/totals/BUCKET/requests").asLong());
        ((ObjectNode) report.get("input")).put("files", 1);
        assertTrue(ReportText.summary(report).contains("  2 307s without a result type that no decision log line"
                + " claims: counted apart, not as the function's"), ReportText.summary(report));

        // The function's decision line for one of them claims it.
        String requestId = AccessLogs.requests().get(6).get("x-edge-request-id");
        Path decisions = Files.writeString(dir.resolve("decisions.log"), "2026-11-01T23:59:59.200Z\tabc\tINFO\t"
                + "{\"distributionId\":\"" + APP_CI + "\",\"requestId\":\"" + requestId + "\",\"outcome\":\"BUCKET\","
                + "\"target\":\"appci\"}\n");
        JsonNode claimed = report(logs, DelimitedLog.STANDARD_FIELDS, List.of(decisions));
        assertEquals(1, claimed.at("/input/redirectsOfUnknownOrigin").asLong());
        assertEquals(6, claimed.at("/input/blobGets").asLong());
        assertEquals(1, claimed.at("/actual/decisionLogs/redirectsAttributed").asLong());
    }
}
