package dev.registryedge.cli;

import static dev.registryedge.cli.testing.StandInFleet.ACCOUNT_OF;
import static dev.registryedge.cli.testing.StandInFleet.BUILD03;
import static dev.registryedge.cli.testing.StandInFleet.FARMS_EAST_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.cli.testing.StandInFleet;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.standins.CloudFrontApiStandIn;
import dev.registryedge.standins.CloudWatchStandIn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy --canary across the stand-in fleet, with CloudWatch fed as it is in AWS while the
 * command runs: each distribution's decision lines (written by the real router) turned into
 * metrics, Lambda's invocations and errors for the version each distribution has, CloudFront's
 * requests and 5xx rate. The fleet runs version 1 before each test; the canary is build03.
 */
class CanaryDeployTest {

    private static final String BLOB = "/docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
    private static final String BAKE = "1500ms";

    @TempDir
    Path dir;
    private StandInFleet fleet;
    private Path zipV1;
    private Path zipV2;
    private final CommandRun command = new CommandRun();
    private Thread traffic;
    private volatile boolean flowing;
    /** Whether the traffic thread removes the canary's record of the last deploy once it has the new version. */
    private volatile boolean forgetLastDeploy;

    @BeforeEach
    void fleetOnVersionOne() throws IOException {
        fleet = new StandInFleet(dir);
        zipV1 = zip("v1.zip", "exports.handler = async (e) => e.Records[0].cf.request;");
        zipV2 = zip("v2.zip", "exports.handler = async (e) => { return e.Records[0].cf.request; };");
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role",
                "arn:aws:iam::{account}:role/registry-edge-function"), command.output());
        // What the previous version did the hour before: 100 decisions per distribution, no errors.
        long halfAnHourAgo = System.currentTimeMillis() - 30 * 60_000;
        for (int i = 0; i < 50; i++) {
            tick(halfAnHourAgo + i, 0);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        flowing = false;
        if (traffic != null) {
            traffic.join();
        }
        fleet.close();
    }

    @Test
    void aHealthyCanaryIsFollowedByTheRestOfTheFleet() {
        startTraffic(0);
        // How many CloudWatch reads had been made when the first of the rest changed.
        java.util.concurrent.atomic.AtomicInteger readsBeforeTheRest = new java.util.concurrent.atomic.AtomicInteger(-1);
        fleet.cloudFront.onUpdate = config -> {
            if (!config.contains(BUILD03)) {
                readsBeforeTheRest.compareAndSet(-1, fleet.cloudWatch.calls.size() / 13);
            }
            return config;
        };
        assertEquals(0, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03, "--bake", BAKE,
                "--check-every", "200ms"), command.output());
        for (String id : ACCOUNT_OF.keySet()) {
            assertTrue(viewerRequest(id).equals(StandInFleet.arn(ACCOUNT_OF.get(id), "registry-edge", 2)), id + ": "
                    + viewerRequest(id));
        }
        List<String> updates = fleet.cloudFront.writes().stream().filter(w -> w.startsWith("UpdateDistribution"))
                .toList();
        assertEquals("UpdateDistribution " + BUILD03, updates.get(6), "the canary first: " + updates);
        assertTrue(command.stderr().contains("canary: healthy for 1.5s; deploying to the rest"), command.output());
        // The hour before and every check of the bake (at least the last) were read before any
        // of the rest changed; none after.
        assertEquals(fleet.cloudWatch.calls.size() / 13, readsBeforeTheRest.get(), fleet.cloudWatch.calls.toString());
        assertTrue(readsBeforeTheRest.get() >= 2, readsBeforeTheRest.get() + " reads");
        assertTrue(command.stdout().matches("(?s).*canary " + BUILD03 + " \\(build03\\): [0-9,]+ decisions \\(hour before:"
                + " [0-9,]+\\).*"), command.output());
    }

    @Test
    void aCanaryWhoseFunctionErrorsRiseIsRolledBackAndTheRestIsUntouched() {
        Map<String, String> before = configs();
        startTraffic(2);
        int writesBefore = fleet.cloudFront.writes().size();
        assertEquals(OperateCommands.CANARY_ROLLED_BACK, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03,
                "--bake", "30s", "--check-every", "200ms"), command.output());
        assertEquals(StandInFleet.arn(FARMS_EAST_1, "registry-edge", 1), viewerRequest(BUILD03), command.output());
        before.forEach((id, config) -> {
            if (!id.equals(BUILD03)) {
                assertEquals(config, fleet.cloudFront.distributions.get(id).configXml, id + " untouched");
            }
        });
        List<String> writes = fleet.cloudFront.writes().subList(writesBefore, fleet.cloudFront.writes().size());
        assertTrue(writes.stream().allMatch(w -> w.endsWith(BUILD03)), writes.toString());
        assertTrue(command.stderr().contains("canary failed: us-east-1.registry-edge in account " + FARMS_EAST_1 + ": 50.00%"
                + " of invocations failed, 0.00% the hour before (allowed: +0.1 points)"), command.output());
        // Only the function's errors rose: build05, in the same account, still runs version 1 and
        // dilutes them to half; CloudFront's 5xx rate stayed where it was.
        assertFalse(command.stderr().contains("CloudFront 5xx rate"), command.output());
        assertTrue(command.stderr().contains("rolling back " + BUILD03), command.output());
        // Rolled back at the first checks that saw the errors, not at the end of the 30 s bake: a
        // read is one call per region (13), once for the hour before and once per check.
        long reads = fleet.cloudWatch.calls.size() / 13;
        assertTrue(reads <= 5, reads + " reads: " + fleet.cloudWatch.calls);
    }

    @Test
    void aFailingCanaryThatAlreadyRanThisVersionIsNotRolledBackPastIt() {
        startTraffic(1);
        int writes = fleet.cloudFront.writes().size();
        assertEquals(OperateCommands.CANARY_ROLLED_BACK, run("deploy", "--zip", zipV1.toString(), "--canary", BUILD03,
                "--bake", "30s", "--check-every", "200ms"), command.output());
        assertTrue(command.stderr().contains("not rolled back: the canaries ran this version before this run"),
                command.output());
        assertEquals(StandInFleet.arn(FARMS_EAST_1, "registry-edge", 1), viewerRequest(BUILD03), command.output());
        assertEquals(writes, fleet.cloudFront.writes().size(), fleet.cloudFront.writes().toString());
    }

    @Test
    void aRollbackThatIsRefusedIsNotCalledARollback() {
        startTraffic(2);
        forgetLastDeploy = true;
        assertEquals(1, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03, "--bake", "30s",
                "--check-every", "200ms"), command.output());
        assertTrue(command.stdout().contains(BUILD03 + " (build03): FAILED: no deploy recorded"), command.output());
        assertTrue(command.stderr().contains("the rollback did not complete"), command.output());
    }

    @Test
    void theHourBeforeNotReadStopsBeforeAnythingIsDeployed() {
        Map<String, String> before = configs();
        fleet.cloudWatch.throttled.add("eu-west-1");
        assertEquals(OperateCommands.CANARY_NOT_JUDGED, run("deploy", "--zip", zipV2.toString(), "--canary",
                BUILD03), command.output());
        assertTrue(command.stderr().contains("the hour before not read: account " + FARMS_EAST_1 + " in eu-west-1:"
                + " Throttling"), command.output());
        assertTrue(command.stderr().contains("stopped before deploying anything"), command.output());
        assertEquals(before, configs());
    }

    @Test
    void metricsMissingForTheBakeTimeStopTheRolloutAndSaySo() {
        Map<String, String> before = configs();
        assertEquals(OperateCommands.CANARY_NOT_JUDGED, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03,
                "--bake", "600ms", "--check-every", "200ms"), command.output());
        assertTrue(command.stderr().contains("canary: missing: " + BUILD03 + " (build03): no RegistryEdge decisions in any"
                + " region"), command.output());
        assertTrue(command.stderr().contains("the rest of the fleet is untouched"), command.output());
        assertTrue(command.stderr().contains("`rollback -d " + BUILD03 + "`"), command.output());
        assertEquals(StandInFleet.arn(FARMS_EAST_1, "registry-edge", 2), viewerRequest(BUILD03));
        before.forEach((id, config) -> {
            if (!id.equals(BUILD03)) {
                assertEquals(config, fleet.cloudFront.distributions.get(id).configXml, id + " untouched");
            }
        });
    }

    @Test
    void aCanaryThatCannotBeWatchedIsRefusedBeforeAnyCall() {
        int calls = fleet.cloudFront.calls.size();
        assertEquals(2, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03, "--no-wait"), command.output());
        assertTrue(command.stderr().contains("not with --dry-run or --no-wait"), command.output());
        assertEquals(2, run("deploy", "--zip", zipV2.toString(), "--canary", "EUNKNOWN"), command.output());
        assertTrue(command.stderr().contains("--canary EUNKNOWN is not in the routing configuration"), command.output());
        assertEquals(2, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03, "--max-5xx", "-1"), command.output());
        assertEquals(2, run("deploy", "--zip", zipV2.toString(), "--canary", BUILD03, "-d", StandInFleet.APP_CI),
                command.output());
        assertTrue(command.stderr().contains("--canary " + BUILD03 + " is not among the distributions named with -d"),
                command.output());
        assertEquals(calls, fleet.cloudFront.calls.size());
    }

    /** Traffic every 20 ms, as CloudWatch would show it, until the test ends; version {@code failing} fails. */
    private void startTraffic(int failing) {
        flowing = true;
        traffic = new Thread(() -> {
            while (flowing) {
                tick(System.currentTimeMillis(), failing);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        traffic.setDaemon(true);
        traffic.start();
    }

    /**
     * Two requests to every distribution at {@code at}: the router's decision lines, Lambda's
     * invocations and errors (every invocation of version {@code failing} failing; 0 for none),
     * CloudFront's requests and 5xx rate.
     */
    private void tick(long at, int failing) {
        ManualClock clock = new ManualClock();
        clock.advance(at - clock.millis());
        FakeS3 s3 = new FakeS3(clock);
        for (CloudFrontApiStandIn.Distribution distribution : fleet.cloudFront.distributions.values()) {
            RecordingLog log = new RecordingLog();
            Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, s3, clock, log);
            for (int i = 0; i < 2; i++) {
                router.decide(new ViewerRequest(distribution.id, "8.8.8.8", "GET", BLOB, "containers/5.29.0"));
            }
            CloudWatchStandIn cloudWatch = fleet.cloudWatch;
            log.decisions.forEach(line -> cloudWatch.ingest(distribution.account, "us-east-1", line));
            boolean newVersion = distribution.configXml.contains(":function:registry-edge:2<");
            if (newVersion && forgetLastDeploy) {
                distribution.tags.remove(dev.registryedge.cli.deploy.Records.LAST_DEPLOY);
            }
            boolean fails = failing > 0 && distribution.configXml.contains(":function:registry-edge:" + failing + "<");
            Map<String, String> function = Map.of("FunctionName", "us-east-1.registry-edge");
            cloudWatch.put(distribution.account, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/Lambda",
                    "Invocations", function, at, 2));
            cloudWatch.put(distribution.account, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/Lambda", "Errors",
                    function, at, fails ? 2 : 0));
            Map<String, String> cdn = Map.of("DistributionId", distribution.id, "Region", "Global");
            cloudWatch.put(distribution.account, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/CloudFront",
                    "Requests", cdn, at, 2));
            cloudWatch.put(distribution.account, "us-east-1", new CloudWatchStandIn.Datapoint("AWS/CloudFront",
                    "5xxErrorRate", cdn, at, 0));
        }
    }

    private Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        fleet.cloudFront.distributions.forEach((id, d) -> configs.put(id, d.configXml));
        return configs;
    }

    /** The viewer-request function's ARN in the blob behaviour of distribution {@code id}. */
    private String viewerRequest(String id) {
        String config = fleet.cloudFront.distributions.get(id).configXml;
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<LambdaFunctionARN>([^<]+)</LambdaFunctionARN>"
                + "\\s*<EventType>viewer-request</EventType>").matcher(config);
        return matcher.find() ? matcher.group(1) : "none";
    }

    private Path zip(String name, String code) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(stream)) {
            entries.putNextEntry(new ZipEntry("index.js"));
            entries.write(code.getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        return zip;
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--fleet", fleet.fleetFile.toString(), "--poll-interval", "20ms", "--records",
                dir.resolve("records.properties").toString()));
        return command.run(all);
    }
}
