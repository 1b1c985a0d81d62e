package dev.registryedge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.standins.AccessKeys;
import dev.registryedge.standins.CloudWatchStandIn;
import dev.registryedge.standins.StsStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics} against a CloudWatch stand-in that speaks the SDK's Smithy RPC v2 CBOR and is
 * fed the decision lines the real router writes, as CloudWatch Logs turns them into metrics, in
 * two accounts and three regions: the table shows exactly what was fed in.
 */
class MetricsCommandTest {

    private static final String CALLER_KEY = "AKIDMETRICSOPERATOR";
    private static final String CALLER_SECRET = "metrics-operator-secret";
    private static final String OWN = "111111111111";
    private static final String FARMS = "222222222222";
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final String BUILD03 = "E2PBG0JIU6CTJY";
    private static final String BLOB = "/docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
    private static final String WEST2_REPLICA = "us-west-2-replica-of-ci-dv2np-image-registry-us-east-1";
    private static final String EAST2_REPLICA = "us-east-2-replica-of-ci-dv2np-image-registry-us-east-1";

    @TempDir
    Path dir;
    private StsStandIn sts;
    private CloudWatchStandIn cloudWatch;
    private Path fleet;
    private final CommandRun command = new CommandRun();

    @BeforeEach
    void standIns() throws IOException {
        AccessKeys keys = new AccessKeys().add(CALLER_KEY, CALLER_SECRET, OWN);
        sts = new StsStandIn(keys).role(role(FARMS));
        cloudWatch = new CloudWatchStandIn(keys);
        System.setProperty("aws.accessKeyId", CALLER_KEY);
        System.setProperty("aws.secretAccessKey", CALLER_SECRET);
        System.setProperty("aws.endpointUrlSts", sts.uri().toString());
        System.setProperty("aws.endpointUrlCloudWatch", cloudWatch.uri().toString());
        StringBuilder distributions = new StringBuilder();
        FixtureRouting.config().distributions().keySet().forEach(id -> distributions.append(distributions.isEmpty()
                ? "" : ", ").append('"').append(id).append("\": {\"account\": \"")
                .append(id.equals(BUILD03) ? FARMS : OWN).append("\"}"));
        fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, "{\"accounts\": {\"" + OWN + "\": {}, \"" + FARMS + "\": {\"roleArn\": \"" + role(FARMS)
                + "\"}}, \"distributions\": {" + distributions + "}}");
    }

    @AfterEach
    void stop() {
        List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrlSts", "aws.endpointUrlCloudWatch")
                .forEach(System::clearProperty);
        cloudWatch.close();
        sts.close();
    }

    /** Decision lines of the real router, for requests decided a minute ago. */
    private static List<String> decisions(List<ViewerRequest> requests, FakeS3 s3, ManualClock clock) {
        RecordingLog log = new RecordingLog();
        Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, s3, clock, log);
        requests.forEach(router::decide);
        return log.decisions;
    }

    private static ViewerRequest get(String distribution, String ip) {
        return new ViewerRequest(distribution, ip, "GET", BLOB, "containers/5.29.0");
    }

    @Test
    void theTableShowsWhatCloudWatchWasFedAcrossAccountsAndRegions() throws IOException {
        ManualClock clock = new ManualClock();
        clock.advance(System.currentTimeMillis() - 60_000 - clock.millis());
        FakeS3 s3 = new FakeS3(clock).put(WEST2_REPLICA, BLOB.substring(1)).slowHead(WEST2_REPLICA, 40);
        // app.ci: 3 clients in us-east-1 to its bucket (and 1 more below), 2 in us-west-2 to the replica (one check of
        // 40 ms, then a cache hit), 1 outside AWS; an unknown distribution id once.
        for (String line : decisions(List.of(get(APP_CI, "52.22.255.189"), get(APP_CI, "52.22.255.189"),
                get(APP_CI, "52.22.255.189"), get("EUNKNOWN", "52.22.255.189")), s3, clock)) {
            cloudWatch.ingest(OWN, "us-east-1", line);
        }
        // One more to its bucket, served at an edge whose logs and metrics are in us-east-2: summed.
        for (String line : decisions(List.of(get(APP_CI, "52.22.255.189")), s3, clock)) {
            cloudWatch.ingest(OWN, "us-east-2", line);
        }
        for (String line : decisions(List.of(get(APP_CI, "35.80.0.1"), get(APP_CI, "35.80.0.1"),
                get(APP_CI, "8.8.8.8")), s3, clock)) {
            cloudWatch.ingest(OWN, "us-west-2", line);
        }
        // build03, in the farms' account: 2 clients in us-east-2 whose replica check fails, so both
        // fall back to the farm's bucket.
        FakeS3 failing = new FakeS3(clock).failing(EAST2_REPLICA, new IllegalStateException("503"));
        for (String line : decisions(List.of(get(BUILD03, "3.12.0.1"), get(BUILD03, "3.12.0.1")), failing, clock)) {
            cloudWatch.ingest(FARMS, "us-east-2", line);
        }
        long at = clock.millis();
        cloudWatch.put(FARMS, "us-east-2", new CloudWatchStandIn.Datapoint("AWS/Lambda", "Errors",
                Map.of("FunctionName", "us-east-1.registry-edge"), at, 2));
        cloudWatch.put(FARMS, "us-east-2", new CloudWatchStandIn.Datapoint("AWS/Lambda", "Invocations",
                Map.of("FunctionName", "us-east-1.registry-edge"), at, 2));
        cloudWatch.put(FARMS, "us-east-2", new CloudWatchStandIn.Datapoint("AWS/Lambda", "Duration",
                Map.of("FunctionName", "us-east-1.registry-edge"), at, 7));
        cloudWatch.put(OWN, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/CloudFront", "Requests",
                Map.of("DistributionId", APP_CI, "Region", "Global"), at, 9));
        cloudWatch.put(OWN, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/CloudFront", "5xxErrorRate",
                Map.of("DistributionId", APP_CI, "Region", "Global"), at, 0.25));
        // The same rate 58 minutes before: CloudWatch aligns hours to the clock, so the window
        // mostly holds two periods, and the rate must not be their sum.
        cloudWatch.put(OWN, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/CloudFront", "5xxErrorRate",
                Map.of("DistributionId", APP_CI, "Region", "Global"), at - 58 * 60_000, 0.25));

        assertEquals(0, run("metrics", "--since", "1h", "--regions", "us-east-1,us-east-2,us-west-2", "--output",
                "json"), command.output());
        JsonNode document = new ObjectMapper().readTree(command.stdout());
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        document.get("distributions").forEach(row -> rows.put(row.get("distribution").asText() + "@"
                + row.get("account").asText(), row));
        JsonNode appCi = rows.get(APP_CI + "@" + OWN);
        assertEquals(7, appCi.get("decisions").asInt(), appCi.toString());
        assertEquals(Map.of("BUCKET", 4, "REPLICA", 2, "CLOUDFRONT", 1), Map.of("BUCKET",
                appCi.at("/decisionsByOutcome/BUCKET").asInt(), "REPLICA", appCi.at("/decisionsByOutcome/REPLICA").asInt(),
                "CLOUDFRONT", appCi.at("/decisionsByOutcome/CLOUDFRONT").asInt()));
        assertEquals(40, appCi.get("s3CheckMillisP99").asInt(), appCi.toString());
        assertEquals(9, appCi.get("requests").asInt());
        assertEquals(0.25, appCi.get("errorRate5xx").asDouble());
        assertTrue(appCi.get("errorRate4xx").isNull(), "nothing fed, nothing shown");
        JsonNode build03 = rows.get(BUILD03 + "@" + FARMS);
        assertEquals(2, build03.get("decisions").asInt(), build03.toString());
        assertEquals(2, build03.at("/decisionsByOutcome/BUCKET").asInt());
        assertEquals(2, build03.get("unusableTargets").asInt());
        JsonNode other = rows.get("other@" + OWN);
        assertEquals(1, other.get("decisions").asInt(), String.valueOf(rows.keySet()));
        assertEquals(List.of("us-east-1", "us-east-2", "us-west-2"), strings(document.get("regionsWithDecisions")));
        JsonNode farmsFunction = null;
        for (JsonNode function : document.get("functions")) {
            if (function.get("account").asText().equals(FARMS)) {
                farmsFunction = function;
            }
        }
        assertEquals(2, farmsFunction.get("errors").asInt(), document.get("functions").toString());
        assertEquals(7, farmsFunction.get("durationMillisP99").asInt());
        assertEquals(List.of("us-east-2"), strings(farmsFunction.get("regions")));
        // One call per account and region, all of them.
        assertEquals(6, cloudWatch.calls.size(), cloudWatch.calls.toString());

        assertEquals(0, run("metrics", "--regions", "us-east-1,us-east-2,us-west-2"), command.output());
        String appCiLine = command.stdout().lines().filter(l -> l.startsWith(APP_CI)).findFirst().orElseThrow();
        assertTrue(appCiLine.matches(APP_CI + " +app\\.ci +" + OWN + " +7 +57\\.1% +28\\.6% +85\\.7% +0\\.0 +40 ms +40 ms"
                + " +9 +- +0\\.25%"), appCiLine);
    }

    @Test
    void anAccountOutOfReachIsSaidAndTheOthersAreShown() {
        sts.deny(role(FARMS));
        assertEquals(1, run("metrics", "--regions", "us-east-1"), command.output());
        assertTrue(command.stderr().contains("registry-edge: not read: account " + FARMS + " in us-east-1: AccessDenied"), command.output());
        assertTrue(command.stdout().contains(APP_CI), command.output());
        assertTrue(command.stderr().contains("no RegistryEdge metrics in us-east-1 for the last 1h"), command.output());
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add(value.asText()));
        return strings;
    }

    private static String role(String account) {
        return "arn:aws:iam::" + account + ":role/registry-edge-operator";
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--fleet", fleet.toString()));
        return command.run(all);
    }
}
