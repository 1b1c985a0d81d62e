package dev.registryedge.cli;

import static dev.registryedge.cli.testing.StandInFleet.ACCOUNT_OF;
import static dev.registryedge.cli.testing.StandInFleet.APP_CI;
import static dev.registryedge.cli.testing.StandInFleet.BUILD01;
import static dev.registryedge.cli.testing.StandInFleet.BUILD03;
import static dev.registryedge.cli.testing.StandInFleet.BUILD05;
import static dev.registryedge.cli.testing.StandInFleet.BUILD09;
import static dev.registryedge.cli.testing.StandInFleet.BUILD10;
import static dev.registryedge.cli.testing.StandInFleet.CALLER_KEY;
import static dev.registryedge.cli.testing.StandInFleet.CALLER_SECRET;
import static dev.registryedge.cli.testing.StandInFleet.FARMS_EAST_1;
import static dev.registryedge.cli.testing.StandInFleet.FARMS_EAST_2;
import static dev.registryedge.cli.testing.StandInFleet.OWN;
import static dev.registryedge.cli.testing.StandInFleet.arn;
import static dev.registryedge.cli.testing.StandInFleet.operatorRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.cli.deploy.BlobBehaviour;
import dev.registryedge.cli.deploy.Records;
import dev.registryedge.cli.testing.DistributionConfigs;
import dev.registryedge.cli.testing.StandInFleet;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.standins.CloudFrontApiStandIn;
import dev.registryedge.standins.LambdaApiStandIn;
import dev.registryedge.standins.StsStandIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The operating commands across a fleet of six distributions in three accounts: one reached with
 * the caller's own credentials, two through an operator role assumed with STS. Stand-ins of
 * Lambda, CloudFront and STS share one set of access keys, so that each tells the accounts apart
 * by the key a request is signed with, as AWS does. The commands find the stand-ins through the
 * SDK's standard settings ({@code aws.endpointUrlLambda}, {@code aws.endpointUrlCloudFront},
 * {@code aws.endpointUrlSts}), as a user points them at local emulators.
 */
class FleetCommandsTest {

    private static final String FUNCTION_ROLE = "arn:aws:iam::{account}:role/registry-edge-function";
    @TempDir
    static Path dir;
    private static Path zipV1;

    private StandInFleet standIns;
    private StsStandIn sts;
    private LambdaApiStandIn lambda;
    private CloudFrontApiStandIn cloudFront;
    private Path fleet;
    private Path records;
    private final CommandRun command = new CommandRun();

    @BeforeAll
    static void zip() throws IOException {
        zipV1 = dir.resolve("v1.zip");
        try (OutputStream stream = Files.newOutputStream(zipV1); ZipOutputStream zip = new ZipOutputStream(stream)) {
            zip.putNextEntry(new ZipEntry("index.js"));
            zip.write("exports.handler = async (e) => e.Records[0].cf.request;".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    @BeforeEach
    void fleetOfStandIns() throws IOException {
        standIns = new StandInFleet(dir);
        sts = standIns.sts;
        lambda = standIns.lambda;
        cloudFront = standIns.cloudFront;
        fleet = standIns.fleetFile;
        records = fleet.resolveSibling(fleet.getFileName() + ".records");
    }

    @AfterEach
    void stop() {
        standIns.close();
    }

    @Test
    void theFirstDeployCreatesAFunctionInEachAccountAndASecondChangesNothing() {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", FUNCTION_ROLE), command.output());
        for (String account : List.of(OWN, FARMS_EAST_1, FARMS_EAST_2)) {
            LambdaApiStandIn.Function function = lambda.functions(account).get("registry-edge");
            assertEquals("arn:aws:iam::" + account + ":role/registry-edge-function", function.role, account);
            assertEquals(1, function.versions.size(), account);
        }
        assertEquals(3, lambda.calls.stream().filter(c -> c.startsWith("CreateFunction")).count(), lambda.calls.toString());
        assertEquals(List.of("AssumeRole " + operatorRole(FARMS_EAST_1) + " registry-edge-operator",
                "AssumeRole " + operatorRole(FARMS_EAST_2) + " registry-edge-operator",
                "GetCallerIdentity " + OWN),
                sts.calls.stream().sorted().toList());
        for (String id : ACCOUNT_OF.keySet()) {
            // Written out here, not computed by the code under test: the whole configuration, with
            // only the viewer-request function replaced by this account's own version 1.
            String expected = initial(id).replace("function:legacy-redirect:1", "function:registry-edge:1");
            assertEquals(DistributionConfigs.canonical(expected), DistributionConfigs.canonical(cloudFront.distributions.get(id).configXml), id);
            assertEquals(arn(ACCOUNT_OF.get(id), "legacy-redirect", 1) + " " + arn(ACCOUNT_OF.get(id), "registry-edge",
                    1), cloudFront.distributions.get(id).tags.get(Records.LAST_DEPLOY), id);
        }

        int lambdaWrites = lambda.writes().size();
        int cloudFrontWrites = cloudFront.writes().size();
        assertEquals(0, run("deploy", "--zip", zipV1.toString()), command.output());
        assertEquals(lambdaWrites, lambda.writes().size(), lambda.writes().toString());
        assertEquals(cloudFrontWrites, cloudFront.writes().size(), cloudFront.writes().toString());
        assertEquals(6, command.stdout().lines().filter(line -> line.contains(": unchanged (registry-edge:1)")).count(), command.output());
    }

    @Test
    void statusIsOneTableOfTheWholeFleetWithEachAccount() throws Exception {
        run("deploy", "--zip", zipV1.toString(), "--role", FUNCTION_ROLE);
        assertEquals(0, run("status", "--zip", zipV1.toString(), "--output", "json"), command.output());
        JsonNode document = new ObjectMapper().readTree(command.stdout());
        List<String> rows = new ArrayList<>();
        document.get("distributions").forEach(d -> rows.add(d.get("distribution").asText() + " "
                + d.get("account").asText() + " " + d.get("viewerRequest").asText() + " " + d.get("code").asText()));
        assertEquals(List.of(APP_CI + " " + OWN + " registry-edge:1 = local zip",
                BUILD03 + " " + FARMS_EAST_1 + " registry-edge:1 = local zip",
                BUILD01 + " " + OWN + " registry-edge:1 = local zip",
                BUILD05 + " " + FARMS_EAST_1 + " registry-edge:1 = local zip",
                BUILD09 + " " + FARMS_EAST_2 + " registry-edge:1 = local zip",
                BUILD10 + " " + FARMS_EAST_2 + " registry-edge:1 = local zip"), rows);
    }

    @Test
    void disableWithTheTagRefusedInOneAccountStillDisablesKeepsTheWayBackAndEnableRestoresExactly() throws IOException {
        for (String id : List.of(BUILD09, BUILD10)) {
            cloudFront.fail("TagResource", id, 403, "AccessDenied");
        }
        assertEquals(0, run("disable", "--records", records.toString()), command.output());
        for (String id : ACCOUNT_OF.keySet()) {
            // Written out here: the configuration without the viewer-request association.
            String expected = DistributionConfigs.withoutViewerRequest(initial(id), ACCOUNT_OF.get(id));
            assertEquals(DistributionConfigs.canonical(expected), DistributionConfigs.canonical(cloudFront.distributions.get(id).configXml), id);
        }
        String kept = Files.readString(records);
        for (String id : List.of(BUILD09, BUILD10)) {
            assertTrue(kept.contains(id + "=" + arn(FARMS_EAST_2, "legacy-redirect", 1).replace(":", "\\:")), kept);
            assertTrue(command.stderr().contains("To restore it: registry-edge enable --fleet " + fleet + " -d " + id
                    + " --function-arn " + arn(FARMS_EAST_2, "legacy-redirect", 1)), command.output());
        }
        assertTrue(cloudFront.distributions.get(APP_CI).tags.get(Records.DISABLED).startsWith(arn(OWN,
                "legacy-redirect", 1) + " at="), cloudFront.distributions.get(APP_CI).tags.toString());

        assertEquals(0, run("enable", "--records", records.toString()), command.output());
        for (String id : ACCOUNT_OF.keySet()) {
            assertEquals(DistributionConfigs.canonical(initial(id)), DistributionConfigs.canonical(cloudFront.distributions.get(id).configXml), id);
            assertNull(cloudFront.distributions.get(id).tags.get(Records.DISABLED), id);
        }
        assertFalse(Files.readString(records).contains("E2B105Z8OCWZSC"), "enable forgets what it put back");
    }

    /**
     * Every distribution is read and changed at once: six reads of 0.5 s and six updates of 2 s
     * take about as long as one read, one update and the read back.
     */
    @Test
    void disableAcrossTheFleetTakesAboutOneUpdatesTime() {
        ACCOUNT_OF.keySet().forEach(id -> cloudFront.stall("UpdateDistribution", id, Duration.ofSeconds(2)));
        ACCOUNT_OF.keySet().forEach(id -> cloudFront.stall("GetDistribution", id, Duration.ofMillis(500)));
        long started = System.nanoTime();
        assertEquals(0, run("disable", "--records", records.toString()), command.output());
        long disableMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        assertEquals(0, run("enable", "--records", records.toString()), command.output());
        long enableMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("fleet of 6 in 3 accounts, 2 s per update and 0.5 s per read: disable " + disableMillis
                + " ms, enable " + enableMillis + " ms (one after another: at least 6 x 3,000 ms each)");
        assertTrue(disableMillis < 7_000, "disable took " + disableMillis + " ms");
        assertTrue(enableMillis < 7_000, "enable took " + enableMillis + " ms");
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedFailsOnItsLinesAndTheOthersAreDone() {
        sts.deny(operatorRole(FARMS_EAST_2));
        assertEquals(1, run("disable", "--records", records.toString()), command.output());
        for (String id : List.of(BUILD09, BUILD10)) {
            assertTrue(command.stdout().contains(id + " (build" + (id.equals(BUILD09) ? "09" : "10") + "): FAILED: cannot"
                    + " reach account " + FARMS_EAST_2 + ": AccessDenied"), command.output());
            assertTrue(cloudFront.distributions.get(id).configXml.contains("legacy-redirect:1</LambdaFunctionARN>"), id);
        }
        for (String id : List.of(APP_CI, BUILD01, BUILD03, BUILD05)) {
            assertFalse(cloudFront.distributions.get(id).configXml.contains("legacy-redirect"), id);
        }
        assertTrue(command.stderr().contains("not changed: " + BUILD09 + ", " + BUILD10), command.output());
    }

    @Test
    void aDistributionWithSettingsTheSdkDoesNotKnowIsLeftAloneAndSaysWhich() {
        // Names no CloudFront API has (yet): settings added after this tool's SDK was released.
        String future = initial(BUILD05).replace("<Staging>false</Staging>",
                "<Staging>false</Staging><EdgeSettingFrom2027><Mode>required</Mode></EdgeSettingFrom2027>")
                .replace("<SmoothStreaming>false</SmoothStreaming>\n        <Compress>false</Compress>",
                        "<SmoothStreaming>false</SmoothStreaming><BehaviourSettingFrom2027><Enabled>true</Enabled>"
                        + "</BehaviourSettingFrom2027>\n        <Compress>false</Compress>");
        assertTrue(future.contains("BehaviourSettingFrom2027"), "the blob behaviour carries one");
        cloudFront.distributions.get(BUILD05).configXml = future;

        assertEquals(1, run("disable", "--records", records.toString()), command.output());
        assertTrue(command.stdout().contains(BUILD05 + " (build05): FAILED: CloudFront sent elements this tool's AWS SDK does"
                + " not know (DistributionConfig/CacheBehaviors/Items/CacheBehavior/BehaviourSettingFrom2027,"
                + " DistributionConfig/EdgeSettingFrom2027)"), command.output());
        assertTrue(command.stdout().contains("Update registry-edge, or change the association with the AWS CLI"), command.output());
        assertEquals(future, cloudFront.distributions.get(BUILD05).configXml);
        assertFalse(cloudFront.calls.contains("UpdateDistribution " + BUILD05), cloudFront.calls.toString());
        assertNull(cloudFront.distributions.get(BUILD05).tags.get(Records.DISABLED), "nothing recorded either");
        assertFalse(cloudFront.distributions.get(BUILD09).configXml.contains("legacy-redirect"), "the others are done");
    }

    @Test
    void aChangeThatReadsBackWithMoreChangedThanTheAssociationIsReported() {
        cloudFront.onUpdate = xml -> xml.replace("<Compress>true</Compress>", "<Compress>false</Compress>");
        assertEquals(1, run("disable", "--records", records.toString(), "-d", APP_CI), command.output());
        assertTrue(command.stdout().contains(APP_CI + " (app.ci): FAILED: changed, but reading it back shows more than the"
                + " association changed: DistributionConfig/CacheBehaviors/Items/CacheBehavior[2]/Compress 'true' ->"
                + " 'false'"), command.output());
    }

    @Test
    void enableWithoutAnyRecordPutsBackTheNewestVersionWithTheLocalZipsCodeAndSaysSo() {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", FUNCTION_ROLE), command.output());
        assertEquals(0, run("disable"), command.output());
        ACCOUNT_OF.keySet().forEach(id -> cloudFront.distributions.get(id).tags.clear());

        assertEquals(0, run("enable", "--zip", zipV1.toString()), command.output());
        for (String id : ACCOUNT_OF.keySet()) {
            assertTrue(command.stdout().contains(id + " (" + FixtureRouting.config().distributions().get(id).name() + "): no"
                    + " record of disable; restoring registry-edge:1, the newest published version with the local"
                    + " zip's code"), command.output());
            assertTrue(cloudFront.distributions.get(id).configXml.contains(arn(ACCOUNT_OF.get(id), "registry-edge", 1)),
                    id);
        }
    }

    /** As AWS does: by the key a request is signed with, and a temporary key only with its session token. */
    @Test
    void theStandInsTellAccountsApartByTheSigningKey() {
        var sdk = StsClient.builder().region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(CALLER_KEY,
                        CALLER_SECRET))).build();
        var issued = sdk.assumeRole(b -> b.roleArn(operatorRole(FARMS_EAST_1)).roleSessionName("test"))
                .credentials();
        var farms = cloudFrontAs(AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(),
                issued.sessionToken()));
        assertEquals(BUILD03, farms.getDistribution(b -> b.id(BUILD03)).distribution().id());
        CloudFrontException other = assertThrows(CloudFrontException.class,
                () -> farms.getDistribution(b -> b.id(APP_CI)));
        assertEquals("AccessDenied", other.awsErrorDetails().errorCode());
        var own = cloudFrontAs(AwsBasicCredentials.create(CALLER_KEY, CALLER_SECRET));
        assertEquals("AccessDenied", assertThrows(CloudFrontException.class,
                () -> own.getDistribution(b -> b.id(BUILD03))).awsErrorDetails().errorCode());
        var withoutToken = cloudFrontAs(AwsBasicCredentials.create(issued.accessKeyId(), issued.secretAccessKey()));
        assertTrue(assertThrows(CloudFrontException.class,
                () -> withoutToken.getDistribution(b -> b.id(BUILD03))).getMessage().contains("without the session"
                        + " token it was issued with"));
        // A function of the caller's own account on a distribution of another: CloudFront's refusal.
        var read = farms.getDistributionConfig(b -> b.id(BUILD03));
        var config = BlobBehaviour.withViewerRequest(read.distributionConfig(),
                Optional.of(BlobBehaviour.association(arn(OWN, "legacy-redirect",
                        1), false)));
        CloudFrontException refused = assertThrows(CloudFrontException.class,
                () -> farms.updateDistribution(b -> b.id(BUILD03).ifMatch(read.eTag()).distributionConfig(config)));
        assertEquals("InvalidLambdaFunctionAssociation", refused.awsErrorDetails().errorCode());
        assertTrue(refused.getMessage().contains("owned by another AWS account"), refused.getMessage());
        List.of(sdk, farms, own, withoutToken).forEach(SdkClient::close);
    }

    /**
     * The newer record wins: a stale tag (left by an enable that could not remove it) does not
     * bring back an older version than the one a later disable kept in the local file.
     */
    @Test
    void aDisableKeptOnlyLocallyIsNotUndoneByAStaleTagNorByDeploy() throws IOException {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", FUNCTION_ROLE), command.output());
        cloudFront.distributions.get(BUILD03).tags.put(Records.DISABLED, arn(FARMS_EAST_1, "legacy-redirect", 1)
                + " at=2026-01-01T00:00:00Z");
        cloudFront.fail("TagResource", BUILD03, 503, "ServiceUnavailable");
        assertEquals(0, run("disable", "-d", BUILD03), command.output());
        assertTrue(Files.readString(records).contains(BUILD03 + "="), "kept locally");

        assertEquals(1, run("deploy", "--zip", zipV1.toString(), "-d", BUILD03), command.output());
        assertTrue(command.stdout().contains(BUILD03 + " (build03): FAILED: switched off by `disable`"), command.output());

        assertEquals(0, run("enable", "-d", BUILD03), command.output());
        assertTrue(command.stdout().contains("restoring what disable kept in " + records), command.output());
        assertTrue(cloudFront.distributions.get(BUILD03).configXml.contains(arn(FARMS_EAST_1, "registry-edge", 1)),
                "the version the later disable removed, not the stale tag's");
    }

    /** Neither the tag nor the local file can be written: still disabled, and the line printed is the way back. */
    @Test
    void disableWithNowhereToRecordStillDisablesAndThePrintedCommandRestoresIt() throws IOException {
        cloudFront.fail("TagResource", APP_CI, 403, "AccessDenied");
        Path unwritable = Files.createDirectories(dir.resolve("records-is-a-directory-" + fleet.getFileName()));
        assertEquals(0, run("disable", "-d", APP_CI, "--records", unwritable.toString()), command.output());
        assertFalse(cloudFront.distributions.get(APP_CI).configXml.contains("legacy-redirect"), "disabled");
        String line = command.stderr().lines().filter(l -> l.contains("To restore it: ")).findFirst().orElseThrow();
        assertTrue(line.contains("nor in " + unwritable), line);
        String restore = line.substring(line.indexOf("registry-edge enable ") + "registry-edge enable ".length());

        List<String> args = new ArrayList<>(List.of("enable"));
        args.addAll(List.of(restore.split(" ")));
        args.removeAll(List.of("--fleet", fleet.toString()));
        assertEquals(0, run(args.toArray(String[]::new)), command.output());
        assertEquals(DistributionConfigs.canonical(initial(APP_CI)), DistributionConfigs.canonical(
                cloudFront.distributions.get(APP_CI).configXml));
    }

    @Test
    void anAccountWithoutARoleMustBeTheCallersOwn() throws IOException {
        Files.writeString(fleet, Files.readString(fleet).replace("\"" + FARMS_EAST_1 + "\": {\"roleArn\": \""
                + operatorRole(FARMS_EAST_1) + "\"}", "\"" + FARMS_EAST_1 + "\": {}"));
        assertEquals(1, run("disable"), command.output());
        assertTrue(command.stdout().contains(BUILD03 + " (build03): FAILED: cannot reach account " + FARMS_EAST_1 + ": these"
                + " credentials are of account " + OWN + ", not " + FARMS_EAST_1), command.output());
        assertFalse(cloudFront.distributions.get(APP_CI).configXml.contains("legacy-redirect"), "the others are done");
    }

    @Test
    void aFleetFileBreakingARuleIsRefusedBeforeAnyCall() throws IOException {
        Files.writeString(fleet, Files.readString(fleet).replace("\"" + FARMS_EAST_2 + "\": {\"roleArn\"",
                "\"33333333333\": {\"roleArn\""));
        assertEquals(2, run("disable"), command.output());
        assertTrue(command.stderr().contains("--fleet " + fleet + ": accounts.33333333333: '33333333333' is not an AWS account"
                + " id (12 digits)"), command.output());
        assertEquals("", command.stdout());
        assertEquals(List.of(), cloudFront.calls);
        assertEquals(List.of(), sts.calls);
    }

    /** Interrupted while one update is in flight: it finishes, is recorded, and then the command stops. */
    @Test
    void ctrlCDuringAnUpdateLetsItFinishAndBeRecorded() throws Exception {
        cloudFront.stall("UpdateDistribution", BUILD03, Duration.ofSeconds(3));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Daws.endpointUrlSts=" + sts.uri(),
                "-Daws.endpointUrlLambda=" + lambda.uri(), "-Daws.endpointUrlCloudFront=" + cloudFront.uri(),
                FixtureMain.class.getName()));
        command.addAll(withEndpoints("deploy", "--zip", zipV1.toString(), "--role", FUNCTION_ROLE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", CALLER_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", CALLER_SECRET);
        Process deploy = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                deploy.getInputStream().transferTo(output);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        assertTrue(cloudFront.awaitCall("UpdateDistribution " + BUILD03, Duration.ofSeconds(60)),
                output.toString(StandardCharsets.UTF_8));
        // SIGTERM: the JVM stops on it exactly as on Ctrl-C's SIGINT (shutdown hooks), and unlike
        // SIGINT it is not ignored by a process a non-interactive shell started in the background.
        // Through the handle, which unlike Process.destroy() leaves the output open to read.
        assertTrue(deploy.toHandle().destroy(), "SIGTERM sent");
        assertTrue(deploy.waitFor(30, TimeUnit.SECONDS), "the interrupted deploy ended");
        reader.join();
        String printed = output.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("stopping: waiting for"), "exit " + deploy.exitValue() + ":\n" + printed);
        assertTrue(printed.contains(BUILD03 + " (build03): viewer-request legacy-redirect:1 -> registry-edge:1"), printed);
        assertEquals(arn(FARMS_EAST_1, "legacy-redirect", 1) + " " + arn(FARMS_EAST_1, "registry-edge", 1),
                cloudFront.distributions.get(BUILD03).tags.get(Records.LAST_DEPLOY), printed);
        assertTrue(cloudFront.distributions.get(BUILD03).configXml.contains("registry-edge:1"), printed);
    }

    private CloudFrontClient cloudFrontAs(AwsCredentials credentials) {
        return CloudFrontClient.builder()
                .region(Region.US_EAST_1).endpointOverride(cloudFront.uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    /** The template as a distribution of its account holds it. */
    private String initial(String id) {
        return standIns.initial(id);
    }

    private List<String> withEndpoints(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--fleet", fleet.toString(), "--poll-interval", "20ms"));
        if (!List.of(args).contains("--records") && !args[0].equals("status")) {
            all.addAll(List.of("--records", records.toString()));
        }
        return all;
    }

    private int run(String... args) {
        return command.run(withEndpoints(args));
    }
}
