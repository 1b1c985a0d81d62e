package dev.registryedge.cli;

import static dev.registryedge.cli.testing.StandInFleet.APP_CI;
import static dev.registryedge.cli.testing.StandInFleet.FARMS_EAST_1;
import static dev.registryedge.cli.testing.StandInFleet.FARMS_EAST_2;
import static dev.registryedge.cli.testing.StandInFleet.OWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.cli.testing.StandInFleet;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.standins.CloudWatchStandIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashboard} against the stand-in fleet: the dashboard graphs exactly the metrics the real
 * router's decision lines become, and {@code --put} puts one dashboard per account and the alarms
 * in the regions of their metrics, through a CloudWatch stand-in that checks both as CloudWatch
 * documents them.
 */
class DashboardCommandTest {

    private static final String BLOB = "/docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
    private static final String WEST2_REPLICA = "us-west-2-replica-of-ci-dv2np-image-registry-us-east-1";

    @TempDir
    Path dir;
    private StandInFleet fleet;
    private final CommandRun command = new CommandRun();

    @BeforeEach
    void standIns() throws IOException {
        fleet = new StandInFleet(dir);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void theDashboardGraphsExactlyTheMetricsTheDecisionLinesBecome() throws IOException {
        // app.ci's three outcomes: a client in us-east-1 (its bucket), one in us-west-2 (the
        // replica), one outside AWS (CloudFront).
        ManualClock clock = new ManualClock();
        FakeS3 s3 = new FakeS3(clock).put(WEST2_REPLICA, BLOB.substring(1));
        RecordingLog log = new RecordingLog();
        Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, s3, clock, log);
        for (String ip : List.of("52.22.255.189", "35.80.0.1", "8.8.8.8")) {
            router.decide(new ViewerRequest(APP_CI, ip, "GET", BLOB, "containers/5.29.0"));
        }
        log.decisions.forEach(line -> fleet.cloudWatch.ingest(OWN, "us-east-1", line));
        Set<String> written = new TreeSet<>();
        for (CloudWatchStandIn.Datapoint point : fleet.cloudWatch.stored(OWN, "us-east-1")) {
            if (!point.metric().equals("ExistenceChecks") && !point.metric().equals("CacheHits")
                    && !point.metric().equals("Redirects")) {
                written.add(point.metric() + " " + new TreeMap<>(point.dimensions()));
            }
        }

        assertEquals(0, run("dashboard"), command.output());
        JsonNode document = new ObjectMapper().readTree(command.stdout());
        JsonNode own = document.path("accounts").get(0);
        assertEquals(OWN, own.path("account").asText());
        Set<String> graphed = new TreeSet<>();
        int widgets = 0;
        for (JsonNode widget : own.path("dashboardBody").path("widgets")) {
            widgets++;
            // What is drawn, or used by an expression that is: the fall-back graph's inputs are
            // hidden, its expression shows.
            StringBuilder drawnExpressions = new StringBuilder();
            widget.path("properties").path("metrics").forEach(m -> drawnExpressions.append(' ')
                    .append(m.get(m.size() - 1).path("expression").asText()));
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                JsonNode options = metric.get(metric.size() - 1);
                boolean drawn = options.path("visible").asBoolean(true)
                        || drawnExpressions.toString().matches("(?s).*\\b" + options.path("id").asText() + "\\b.*");
                if (metric.get(0).asText().equals("RegistryEdge") && options.path("region").asText().equals("us-east-1")
                        && drawn) {
                    Map<String, String> dimensions = new TreeMap<>();
                    for (int i = 2; i + 1 < metric.size(); i += 2) {
                        dimensions.put(metric.get(i).asText(), metric.get(i + 1).asText());
                    }
                    if (dimensions.get("Distribution").equals("app.ci")) {
                        graphed.add(metric.get(1).asText() + " " + dimensions);
                    }
                }
            }
        }
        // Everything written is graphed; beyond it only S3 check latency of outcomes that asked no
        // S3 here (a bucket or CloudFront after a failed replica check does).
        assertTrue(graphed.containsAll(written), graphed + " lacks some of " + written);
        Set<String> more = new TreeSet<>(graphed);
        more.removeAll(written);
        assertEquals(Set.of("S3CheckMillis {Distribution=app.ci, Outcome=BUCKET}",
                "S3CheckMillis {Distribution=app.ci, Outcome=CLOUDFRONT}"), more);
        // A text, CloudFront's three graphs, the alarms, and four graphs for each of 13 regions.
        assertEquals(1 + 3 + 1 + 13 * 4, widgets);
        assertEquals(List.of(OWN, FARMS_EAST_1, FARMS_EAST_2), accounts(document));
        // Without --fallback-alarms: the function's errors in each region, and each distribution's 5xx rate.
        assertEquals(13 + 2, own.path("alarms").size());
    }

    @Test
    void putPutsOneDashboardPerAccountAndEachAlarmInTheRegionOfItsMetric() {
        assertEquals(0, run("dashboard", "--put", "--fallback-alarms", "--alarm-action",
                "arn:aws:sns:us-east-1:111111111111:registry-edge"), command.output());
        // Per account: the function's errors in 13 regions, the fall-back share of its two
        // distributions in each, and their 5xx rates.
        for (String account : List.of(OWN, FARMS_EAST_1, FARMS_EAST_2)) {
            assertEquals(Set.of("registry-edge"), fleet.cloudWatch.dashboards(account).keySet(), account);
            assertTrue(command.stdout().contains("account " + account + ": 41 of 41 alarms put"), command.output());
        }
        Map<String, JsonNode> east1 = fleet.cloudWatch.alarms(OWN, "us-east-1");
        assertEquals(new TreeSet<>(List.of("registry-edge-function-errors-us-east-1",
                "registry-edge-fallback-app.ci-us-east-1", "registry-edge-fallback-build01-us-east-1",
                "registry-edge-5xx-app.ci", "registry-edge-5xx-build01")), new TreeSet<>(east1.keySet()));
        JsonNode errors = fleet.cloudWatch.alarms(FARMS_EAST_1, "eu-west-1").get("registry-edge-function-errors-eu-west-1");
        assertEquals("us-east-1.registry-edge", errors.at("/Dimensions/0/Value").asText(), errors.toString());
        JsonNode fallback = east1.get("registry-edge-fallback-app.ci-us-east-1");
        assertEquals(7, fallback.path("Metrics").size(), fallback.toString());
        assertEquals("arn:aws:sns:us-east-1:111111111111:registry-edge", fallback.at("/AlarmActions/0").asText());

        // Again: replaced by name, nothing added.
        assertEquals(0, run("dashboard", "--put", "--fallback-alarms"), command.output());
        assertEquals(5, fleet.cloudWatch.alarms(OWN, "us-east-1").size());
        assertEquals(1, fleet.cloudWatch.dashboards(OWN).size());
    }

    @Test
    void anAccountOutOfReachIsSaidAndTheOthersAreDone() {
        fleet.sts.deny(StandInFleet.operatorRole(FARMS_EAST_2));
        assertEquals(1, run("dashboard", "--put", "--regions", "us-east-1"), command.output());
        assertTrue(command.stdout().contains("account " + FARMS_EAST_2 + ": dashboard registry-edge: FAILED:"),
                command.output());
        assertEquals(1, fleet.cloudWatch.dashboards(OWN).size());
        assertEquals(1, fleet.cloudWatch.dashboards(FARMS_EAST_1).size());
        assertEquals(2, run("dashboard", "--name", "no spaces"), command.output());
    }

    private static List<String> accounts(JsonNode document) {
        List<String> accounts = new ArrayList<>();
        document.path("accounts").forEach(a -> accounts.add(a.path("account").asText()));
        return accounts;
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--fleet", fleet.fleetFile.toString()));
        return command.run(all);
    }
}
