package dev.registryedge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.cli.deploy.BlobBehaviour;
import dev.registryedge.cli.deploy.Records;
import dev.registryedge.cli.testing.DistributionConfigs;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.standins.CloudFrontApiStandIn;
import dev.registryedge.standins.LambdaApiStandIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * deploy, status, disable, enable and rollback through the command line, against stand-ins of
 * the Lambda and CloudFront APIs that check SigV4 and keep state as the services do, with the
 * six distributions of the checked-in configuration.
 */
class OperateCommandsTest {

    private static final String KEY = "AKIDOPERATOR";
    private static final String SECRET = "operator-secret";
    private static final String ROLE = "arn:aws:iam::123456789012:role/registry-edge";
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final String BUILD01 = "E1Q1256FT1FBYD";
    private static final String BUILD03 = "E2PBG0JIU6CTJY";
    private static final List<String> ALL = List.copyOf(FixtureRouting.config().distributions().keySet());

    @TempDir
    static Path dir;
    /** Where disable keeps what CloudFront would not take as a tag: one file per test. */
    private Path records;
    private static Path zipV1;
    private static Path zipV2;

    private LambdaApiStandIn lambda;
    private CloudFrontApiStandIn cloudFront;
    private CloudFrontClient cloudFrontClient;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void operatorCredentialsAndZips() throws IOException {
        // The commands take credentials as the AWS CLI does; system properties come first.
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        zipV1 = zip("v1.zip", "index.js", "exports.handler = async (e) => e.Records[0].cf.request; // v1");
        zipV2 = zip("v2.zip", "index.js", "exports.handler = async (e) => e.Records[0].cf.request; // v2");
    }

    @AfterAll
    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void standIns() throws IOException {
        records = dir.resolve("records-" + java.util.UUID.randomUUID() + ".properties");
        lambda = new LambdaApiStandIn(Map.of(KEY, SECRET));
        lambda.seed("legacy-redirect", "nodejs20.x", 5, 128);
        lambda.seed("blob-headers", "nodejs20.x", 30, 512);
        cloudFront = new CloudFrontApiStandIn(Map.of(KEY, SECRET), lambda);
        ALL.forEach(id -> cloudFront.add(id, initial(id)));
        cloudFrontClient = CloudFrontClient.builder().region(Region.US_EAST_1).endpointOverride(cloudFront.uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build();
    }

    @AfterEach
    void stop() {
        cloudFrontClient.close();
        cloudFront.close();
        lambda.close();
    }

    @Test
    void firstDeployCreatesTheFunctionPublishesVersionOneAndMovesEveryDistribution() {
        // Long enough that a publish sent without waiting would meet the creation still in progress.
        lambda.updateDelay = Duration.ofMillis(1500);
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());

        LambdaApiStandIn.Function function = lambda.functions.get("registry-edge");
        assertEquals(List.of("nodejs22.x", "index.handler", 128, 5, ROLE), List.of(function.runtime, function.handler,
                function.memorySize, function.timeout, function.role));
        assertEquals(1, function.versions.size());
        assertTrue(function.versions.get(0).get("Description").asText()
                .startsWith("registry-edge: ip-ranges createDate 2026-01-01-00-00-00"), function.versions.toString());
        for (String id : ALL) {
            assertEquals(Optional.of(version(1)), viewerRequest(id), id);
            assertEquals("Deployed", status(id), id);
            // What it replaced and what it installed are kept for rollback.
            assertEquals(legacy() + " " + version(1), cloudFront.distributions.get(id).tags.get(
                    Records.LAST_DEPLOY));
        }
        assertTrue(stdout().contains("created function registry-edge (nodejs22.x)"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): viewer-request legacy-redirect:1 -> registry-edge:1"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): Deployed"), output());
        assertTrue(stderr().contains("waiting for CloudFront: 0 of 6 deployed"), output());
        // Lambda refuses to publish while an upload is InProgress (ResourceConflictException, which the
        // stand-in records with the calls): deploy waited for it.
        assertTrue(lambda.calls.stream().noneMatch(call -> call.startsWith("refused")), lambda.calls.toString());
    }

    @Test
    void deployingTheSameZipAgainPublishesAndChangesNothing() {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());
        int lambdaWrites = lambda.writes().size();
        int cloudFrontWrites = cloudFront.writes().size();

        assertEquals(0, run("deploy", "--zip", zipV1.toString()), output());

        assertEquals(lambdaWrites, lambda.writes().size(), lambda.calls.toString());
        assertEquals(cloudFrontWrites, cloudFront.writes().size(), cloudFront.calls.toString());
        assertTrue(stdout().contains("function registry-edge: version 1 has this code"), output());
        assertTrue(stdout().contains(BUILD03 + " (build03): unchanged (registry-edge:1)"), output());
    }

    @Test
    void aNewZipIsPublishedAsTheNextVersionAndEveryAssociationMoves() {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());
        assertEquals(0, run("deploy", "--zip", zipV2.toString()), output());

        assertEquals(2, lambda.functions.get("registry-edge").versions.size());
        for (String id : ALL) {
            assertEquals(Optional.of(version(2)), viewerRequest(id), id);
            assertEquals(version(1) + " " + version(2), cloudFront.distributions.get(id).tags.get(
                    Records.LAST_DEPLOY));
        }
        assertTrue(stdout().contains("uploaded " + zipV2), output());
        assertTrue(stdout().contains("published registry-edge:2"), output());
    }

    @Test
    void rollbackGoesBackAVersionIsSafeToRunTwiceAndDeployGoesForwardAgain() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("deploy", "--zip", zipV2.toString());

        assertEquals(0, run("rollback"), output());
        ALL.forEach(id -> assertEquals(Optional.of(version(1)), viewerRequest(id), id));
        assertTrue(stdout().contains(BUILD01 + " (build01): viewer-request registry-edge:2 -> registry-edge:1"), output());

        int writes = cloudFront.writes().size();
        assertEquals(0, run("rollback"), output());
        assertEquals(writes, cloudFront.writes().size(), "a second rollback changes nothing");
        assertTrue(stdout().contains(APP_CI + " (app.ci): unchanged (registry-edge:1)"), output());

        assertEquals(0, run("deploy", "--zip", zipV2.toString()), output());
        ALL.forEach(id -> assertEquals(Optional.of(version(2)), viewerRequest(id), id));
        // Nothing was published or uploaded by rolling back and forth.
        assertEquals(2, lambda.functions.get("registry-edge").versions.size());
    }

    @Test
    void rollbackDuringAConcurrentEditStillRollsBack() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("deploy", "--zip", zipV2.toString());
        cloudFront.distributions.get(BUILD03).editAfterNextRead = true;

        assertEquals(0, run("rollback", "-d", BUILD03), output());
        assertEquals(Optional.of(version(1)), viewerRequest(BUILD03));
        assertTrue(stderr().contains("changed by someone else since it was read; reading it again"), output());
    }

    @Test
    void rollbackRefusesWhereSomethingElseThanTheLastDeployIsAssociated() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("deploy", "--zip", zipV2.toString());
        cloudFront.distributions.get(APP_CI).tags.put(Records.LAST_DEPLOY, legacy() + " " + version(1));

        assertEquals(1, run("rollback"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): FAILED: registry-edge:2 is associated, not registry-edge:1"
                + " that the last deploy installed: nothing to roll back"), output());
        assertEquals(Optional.of(version(2)), viewerRequest(APP_CI));
        assertEquals(Optional.of(version(1)), viewerRequest(BUILD01), "the others are done");
    }

    @Test
    void aConcurrentEditDuringDeployIsReadAgainRetriedAndKept() {
        cloudFront.distributions.get(BUILD03).editAfterNextRead = true;

        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());

        assertEquals(Optional.of(version(1)), viewerRequest(BUILD03));
        assertEquals(CloudFrontApiStandIn.OTHER_EDIT, config(BUILD03).comment(), "the other edit was kept");
        assertEquals(2, cloudFront.calls.stream().filter(call -> call.equals("UpdateDistribution " + BUILD03)).count(),
                cloudFront.calls.toString());
        assertTrue(stderr().contains(BUILD03 + " (build03): changed by someone else since it was read; reading it again"),
                output());
    }

    @Test
    void oneDistributionFailingIsReportedAfterTheOthersAreDone() {
        cloudFront.fail("UpdateDistribution", BUILD01, 403, "AccessDenied");

        assertEquals(1, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());

        assertEquals(Optional.of(legacy()), viewerRequest(BUILD01).map(arn -> arn));
        ALL.stream().filter(id -> !id.equals(BUILD01))
                .forEach(id -> assertEquals(Optional.of(version(1)), viewerRequest(id), id));
        assertTrue(stdout().contains(BUILD01 + " (build01): FAILED: AccessDenied: failure injected by the test"), output());
        assertTrue(stderr().contains("not changed: " + BUILD01 + " (see above); the others are done"), output());
    }

    @Test
    void aDryRunReadsEverythingAndWritesNothing() {
        assertEquals(0, run("deploy", "--dry-run", "--zip", zipV1.toString(), "--role", ROLE), output());
        assertEquals(List.of(), lambda.writes());
        assertEquals(List.of(), cloudFront.writes());
        assertTrue(stdout().contains("would create function registry-edge (nodejs22.x, index.handler, 128 MB, 5 s, role "
                + ROLE + ")"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): would change viewer-request legacy-redirect:1 ->"
                + " registry-edge:(new)"), output());

        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        int lambdaWrites = lambda.writes().size();
        int cloudFrontWrites = cloudFront.writes().size();
        out.reset();
        for (String[] command : List.of(new String[] {"deploy", "--dry-run", "--zip", zipV2.toString()},
                new String[] {"disable", "--dry-run"}, new String[] {"rollback", "--dry-run"})) {
            assertEquals(0, run(command), output());
        }
        assertEquals(lambdaWrites, lambda.writes().size(), lambda.calls.toString());
        assertEquals(cloudFrontWrites, cloudFront.writes().size(), cloudFront.calls.toString());
        assertTrue(stdout().contains("would upload " + zipV2), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): would change viewer-request registry-edge:1 -> none"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): would change viewer-request registry-edge:1 -> legacy-redirect:1"),
                output());
    }

    @Test
    void disableRemovesOnlyTheAssociationAndEnablePutsItBackExactly() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);

        assertEquals(0, run("disable"), output());
        for (String id : ALL) {
            // Written out here, not computed by the code under test.
            assertEquals(DistributionConfigs.canonical(DistributionConfigs.withoutViewerRequest(initial(id),
                    LambdaApiStandIn.ACCOUNT)), DistributionConfigs.canonical(cloudFront.distributions.get(id)
                    .configXml), "only the viewer-request association went: " + id);
        }
        assertTrue(stdout().contains("disabled: CloudFront serves blobs itself"), output());
        out.reset();
        assertEquals(0, run("disable"), output());
        assertTrue(stdout().contains("nothing to disable: the function was associated with none of these"
                + " distributions"), output());
        assertTrue(!stdout().contains("disabled: CloudFront serves blobs itself"), "a second disable changed nothing");

        assertEquals(0, run("enable"), output());
        ALL.forEach(id -> assertEquals(DistributionConfigs.canonical(initial(id).replace("function:legacy-redirect:1",
                "function:registry-edge:1")), DistributionConfigs.canonical(cloudFront.distributions.get(id).configXml),
                "restored exactly: " + id));
        assertEquals(0, run("enable"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): unchanged (registry-edge:1)"), output());
    }

    /**
     * The emergency switch cannot lose its way back: with TagResource denied on one distribution,
     * disable still switches it off, keeps what it removed in the local records file and prints
     * the command that restores it; enable then puts back exactly that, and forgets the record.
     */
    @Test
    void disableWithTheTagRefusedStillDisablesKeepsItsWayBackAndEnableRestoresIt() throws IOException {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("deploy", "--zip", zipV2.toString());
        cloudFront.fail("TagResource", APP_CI, 403, "AccessDenied");
        int before = cloudFront.writes().size();

        assertEquals(0, run("disable"), output());
        // Recorded first, then removed: were the update to fail, the way back is already kept.
        List<String> writes = cloudFront.writes().subList(before, cloudFront.writes().size());
        assertTrue(writes.indexOf("TagResource " + BUILD01) >= 0
                && writes.indexOf("TagResource " + BUILD01) < writes.indexOf("UpdateDistribution " + BUILD01),
                writes.toString());
        ALL.forEach(id -> assertEquals(Optional.empty(), viewerRequest(id), id + " disabled all the same"));
        assertTrue(stderr().contains(APP_CI + " (app.ci): could not record '" + version(2) + " at=20"), output());
        assertTrue(stderr().contains("' in tag " + Records.DISABLED), output());
        assertTrue(stderr().contains(APP_CI + " (app.ci): kept in " + records + " (`enable` with the same --records"
                + " reads it). To restore it: registry-edge enable -d " + APP_CI + " --function-arn " + version(2) + "\n"),
                output());
        java.util.Properties kept = new java.util.Properties();
        try (var in = Files.newBufferedReader(records)) {
            kept.load(in);
        }
        assertEquals(List.of(APP_CI), List.copyOf(kept.stringPropertyNames()), "only the one whose tag was refused");
        assertTrue(kept.getProperty(APP_CI).matches(java.util.regex.Pattern.quote(version(2))
                + " at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), kept.getProperty(APP_CI));
        assertNull(cloudFront.distributions.get(APP_CI).tags.get(Records.DISABLED));

        assertEquals(0, run("enable"), output());
        ALL.forEach(id -> assertEquals(Optional.of(version(2)), viewerRequest(id), id + " restored exactly"));
        assertTrue(stdout().contains(APP_CI + " (app.ci): restoring what disable kept in " + records), output());
        kept.clear();
        try (var in = Files.newBufferedReader(records)) {
            kept.load(in);
        }
        assertEquals(Map.of(), Map.copyOf(kept), "forgotten once put back");
    }

    /**
     * The CloudFront stand-in refuses what CloudFront refuses of Lambda@Edge associations, with
     * CloudFront's error codes, so that a tool sending any of them fails here as it would there.
     */
    @Test
    void theCloudFrontStandInRefusesTheAssociationsCloudFrontRefuses() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        String mine = version(1);
        String otherAccount = mine.replace(":" + LambdaApiStandIn.ACCOUNT + ":", ":999999999999:");
        java.util.function.BiFunction<String, Boolean, LambdaFunctionAssociation> association = (event, body) ->
                LambdaFunctionAssociation.builder().eventType(event).lambdaFunctionARN(mine).includeBody(body).build();
        Map<String, java.util.function.Consumer<software.amazon.awssdk.services.cloudfront.model
                .LambdaFunctionAssociations.Builder>> refused = new java.util.LinkedHashMap<>();
        refused.put("InvalidArgument", l -> l.items(association.apply("viewer-request", false)));
        refused.put("TooManyLambdaFunctionAssociations", l -> l.quantity(5).items(association.apply("viewer-request",
                false), association.apply("viewer-response", false), association.apply("origin-request", false),
                association.apply("origin-response", false), association.apply("viewer-request", false)));
        refused.put("InvalidLambdaFunctionAssociation twice", l -> l.quantity(2).items(association.apply(
                "viewer-request", false), association.apply("viewer-request", false)));
        refused.put("InvalidLambdaFunctionAssociation body", l -> l.quantity(1).items(association.apply(
                "viewer-response", true)));
        refused.put("InvalidLambdaFunctionAssociation account", l -> l.quantity(1).items(LambdaFunctionAssociation
                .builder().eventType("viewer-request").lambdaFunctionARN(otherAccount).build()));
        refused.forEach((code, associations) -> {
            var read = cloudFrontClient.getDistributionConfig(b -> b.id(APP_CI));
            DistributionConfig config = read.distributionConfig();
            DistributionConfig changed = config.toBuilder().defaultCacheBehavior(config.defaultCacheBehavior()
                    .toBuilder().lambdaFunctionAssociations(associations).build()).build();
            CloudFrontException e = assertThrows(CloudFrontException.class, () -> cloudFrontClient.updateDistribution(
                    b -> b.id(APP_CI).ifMatch(read.eTag()).distributionConfig(changed)), code);
            assertEquals(code.split(" ")[0], e.awsErrorDetails().errorCode(), code + ": " + e.getMessage());
        });
        // What the tool sends is taken.
        assertEquals(Optional.of(mine), viewerRequest(APP_CI));
    }

    /** The Lambda stand-in refuses a function Lambda would not create: its name, memory, timeout, runtime. */
    @Test
    void theLambdaStandInRefusesWhatCreateFunctionRefuses() throws IOException {
        byte[] zip = Files.readAllBytes(zipV1);
        try (LambdaClient client = lambdaClient(Region.US_EAST_1, SECRET)) {
            Map<String, java.util.function.Consumer<software.amazon.awssdk.services.lambda.model
                    .CreateFunctionRequest.Builder>> refused = new java.util.LinkedHashMap<>();
            refused.put("ValidationException name", b -> b.functionName("no spaces allowed"));
            refused.put("ValidationException memory", b -> b.functionName("f1").memorySize(64));
            refused.put("ValidationException timeout", b -> b.functionName("f2").timeout(901));
            refused.put("InvalidParameterValueException runtime", b -> b.functionName("f3").runtime("nodejs4.3"));
            refused.forEach((code, request) -> {
                LambdaException e = assertThrows(LambdaException.class, () -> client.createFunction(b -> {
                    b.runtime("nodejs22.x").role(ROLE).handler("index.handler").code(c -> c.zipFile(
                            software.amazon.awssdk.core.SdkBytes.fromByteArray(zip)));
                    request.accept(b);
                }), code);
                assertEquals(code.split(" ")[0], e.awsErrorDetails().errorCode(), code + ": " + e.getMessage());
            });
        }
    }

    /** A stalled CloudFront call is a FAILED line within the call's bound, not a hung switch; the others are done. */
    @Test
    void aStalledCallFailsWithinItsBoundAndTheOthersAreDisabled() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        cloudFront.stall("GetDistribution", BUILD01, Duration.ofSeconds(4));
        long started = System.nanoTime();
        assertEquals(1, run("disable", "--attempt-timeout", "300ms", "--call-timeout", "1s"), output());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3_000, "took " + millis + " ms");
        assertTrue(output().contains(BUILD01) && output().contains("did not complete"), output());
        assertEquals(Optional.of(version(1)), viewerRequest(BUILD01), "not read, so not changed");
        ALL.stream().filter(id -> !id.equals(BUILD01)).forEach(id -> assertEquals(Optional.empty(), viewerRequest(id),
                id));
    }

    /** Distributions are read at once, those of one account too: six reads of 1 s take about 1 s. */
    @Test
    void statusReadsEveryDistributionAtOnce() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        ALL.forEach(id -> cloudFront.stall("GetDistribution", id, Duration.ofSeconds(1)));
        long started = System.nanoTime();
        assertEquals(0, run("status", "--zip", zipV1.toString()), output());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 4_000, "status took " + millis + " ms; one read after another takes 6,000");
    }

    @Test
    void enableUsesTheRecordAndTheGivenVersionOnlyWhereThereIsNone() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("deploy", "--zip", zipV2.toString());
        run("disable");
        cloudFront.distributions.get(APP_CI).tags.clear();

        assertEquals(1, run("enable"), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): FAILED: no association recorded by disable"), output());
        assertEquals(Optional.of(version(2)), viewerRequest(BUILD01));
        assertEquals(Optional.empty(), cloudFront.distributions.get(BUILD01).tags.get(Records.DISABLED) == null
                ? Optional.empty() : Optional.of("still there"), "enable removes what disable recorded");

        run("disable", "-d", BUILD01);
        assertEquals(0, run("enable", "--function-version", "1"), output());
        assertEquals(Optional.of(version(1)), viewerRequest(APP_CI), "nothing recorded: the version given");
        assertEquals(Optional.of(version(2)), viewerRequest(BUILD01), "recorded: what disable removed");
    }

    @Test
    void deployLeavesADisabledDistributionAlone() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        run("disable", "-d", APP_CI);

        assertEquals(1, run("deploy", "--zip", zipV2.toString()), output());
        assertTrue(stdout().contains(APP_CI + " (app.ci): FAILED: switched off by `disable`; `enable` it first"), output());
        assertEquals(Optional.empty(), viewerRequest(APP_CI));
        assertEquals(Optional.of(version(2)), viewerRequest(BUILD01));
    }

    @Test
    void disableGoesOnPastADistributionItCannotChange() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        cloudFront.fail("GetDistribution", BUILD01, 400, "InvalidArgument");
        cloudFront.fail("UpdateDistribution", BUILD03, 403, "AccessDenied");

        assertEquals(1, run("disable"), output());
        assertTrue(stdout().contains(BUILD01 + " (build01): FAILED: InvalidArgument"), output());
        assertTrue(stdout().contains(BUILD03 + " (build03): FAILED: AccessDenied"), output());
        assertEquals(Optional.empty(), viewerRequest(APP_CI));
        assertEquals(Optional.of(version(1)), viewerRequest(BUILD03));
        assertTrue(stderr().contains("not changed: " + BUILD03 + ", " + BUILD01 + " (see above); the others are done"),
                output());
    }

    @Test
    void aDistributionWithoutTheBlobBehaviourStopsTheCommandBeforeAnyChange() {
        CloudFrontApiStandIn.Distribution build03 = cloudFront.distributions.get(BUILD03);
        build03.configXml = build03.configXml.replace("<PathPattern>/docker/registry/v2/blobs/*</PathPattern>",
                "<PathPattern>/v2/*</PathPattern>");

        assertEquals(1, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());

        assertEquals(List.of(), lambda.writes());
        assertEquals(List.of(), cloudFront.writes());
        assertTrue(stderr().contains(BUILD03 + " (build03) has no cache behaviour for /docker/registry/v2/blobs/*: add one"),
                output());
        assertTrue(stderr().contains("nothing changed"), output());
    }

    @Test
    void distributionsOfAnotherAccountAreSkippedWithTheReasonUnlessNamed() {
        cloudFront.otherAccount.add(BUILD01);
        cloudFront.distributions.remove(BUILD03);

        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());
        assertTrue(stderr().contains("skipped " + BUILD01 + " (build01): not visible with these credentials (AccessDenied"),
                output());
        assertTrue(stderr().contains("skipped " + BUILD03 + " (build03): not visible with these credentials"
                + " (NoSuchDistribution"), output());
        assertEquals(Optional.of(version(1)), viewerRequest(APP_CI));

        // Named, an unreadable distribution is a failure on its line; the others are done.
        assertEquals(1, run("rollback", "-d", BUILD01, "-d", APP_CI), output());
        assertTrue(stdout().contains(BUILD01 + " (build01): FAILED: AccessDenied"), output());
        assertEquals(Optional.of(legacy()), viewerRequest(APP_CI));
        assertEquals(1, run("disable", "-d", BUILD01, "-d", APP_CI), output());
        assertTrue(stdout().contains(BUILD01 + " (build01): FAILED: AccessDenied"), output());
        assertEquals(Optional.empty(), viewerRequest(APP_CI));
    }

    @Test
    void statusShowsTheVersionWhetherItIsTheLocalCodeTheStateAndTheAges() {
        run("deploy", "--zip", zipV1.toString(), "--role", ROLE);
        cloudFront.deployDelay = Duration.ofMinutes(1);
        run("disable", "-d", BUILD03, "--no-wait");
        out.reset();

        assertEquals(0, run("status", "--zip", zipV2.toString()), output());
        List<String> lines = stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("local: " + zipV2 + " (code sha256 "), lines.get(0));
        assertTrue(lines.get(0).endsWith("ip-ranges 2026-01-01 (" + java.time.Duration.between(
                java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.now()).toDays() + " days old)"),
                lines.get(0));
        assertEquals(List.of("DISTRIBUTION", "NAME", "ACCOUNT", "VIEWER-REQUEST", "CODE", "STATE", "IP", "MAP",
                "PUBLISHED"),
                List.of(lines.get(1).split(" +")));
        String appCi = lines.stream().filter(line -> line.startsWith(APP_CI)).findFirst().orElseThrow();
        assertTrue(appCi.matches(APP_CI + " +app\\.ci +" + LambdaApiStandIn.ACCOUNT + " +registry-edge:1 +differs +Deployed +2026-01-01 \\(\\d+ days old\\)"
                + " +\\d{4}-\\d\\d-\\d\\d \\(0 days ago\\)"), appCi);
        String build03 = lines.stream().filter(line -> line.startsWith(BUILD03)).findFirst().orElseThrow();
        assertTrue(build03.matches(BUILD03 + " +build03 +" + LambdaApiStandIn.ACCOUNT + " +disabled +- +InProgress +- +-"), build03);

        out.reset();
        assertEquals(0, run("status", "--zip", zipV1.toString(), "-d", APP_CI), output());
        assertTrue(stdout().contains("registry-edge:1  = local zip"), output());
    }

    @Test
    void waitingForCloudFrontGivesUpAfterTheTimeoutAndARerunWaitsAgain() {
        cloudFront.deployDelay = Duration.ofMinutes(5);

        assertEquals(3, run("deploy", "--zip", zipV1.toString(), "--role", ROLE, "--wait-timeout", "1s"), output());
        assertTrue(stderr().contains("gave up waiting after"), output());
        assertEquals(Optional.of(version(1)), viewerRequest(APP_CI));

        // Nothing left to change, but CloudFront has not finished: a rerun waits for it.
        assertEquals(3, run("deploy", "--zip", zipV1.toString(), "--wait-timeout", "200ms"), output());
        cloudFront.distributions.values().forEach(d -> d.deployedAt = java.time.Instant.now());
        assertEquals(0, run("deploy", "--zip", zipV1.toString()), output());
    }

    @Test
    void argumentsAndTheZipAreCheckedBeforeAnyCall() throws IOException {
        assertEquals(2, run("deploy", "--zip", zipV1.toString(), "--function",
                "arn:aws:lambda:eu-west-1:123456789012:function:registry-edge"), output());
        assertTrue(stderr().contains("is in eu-west-1: Lambda@Edge takes functions in us-east-1 only"), output());
        assertEquals(2, run("disable", "-d", "E0NOTCONFIGURED"), output());
        assertTrue(stderr().contains("distribution E0NOTCONFIGURED is not in the routing configuration"), output());
        assertEquals(2, run("deploy", "--zip", zipV1.toString(), "--runtime", "nodejs20.x"), output());
        assertEquals(2, run("deploy", "--zip", zipV1.toString(), "--function", "registry-edge:3"), output());
        assertTrue(stderr().contains("names a version or alias"), output());
        assertEquals(2, run("enable", "--function-version", "$LATEST"), output());
        assertTrue(stderr().contains("Lambda@Edge takes neither $LATEST nor aliases"), output());

        byte[] big = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        Path tooBig = zip("big.zip", "index.js", new String(big, StandardCharsets.ISO_8859_1));
        assertEquals(1, run("deploy", "--zip", tooBig.toString(), "--role", ROLE), output());
        assertTrue(stderr().contains("over Lambda@Edge's 1048576 for a viewer-request function"), output());
        Path noIndex = zip("java.zip", "dev/registryedge/Handler.class", "not javascript");
        assertEquals(1, run("deploy", "--zip", noIndex.toString(), "--role", ROLE), output());
        assertTrue(stderr().contains("no index.js at the top"), output());

        assertEquals(List.of(), lambda.calls);
        assertEquals(List.of(), cloudFront.calls);
    }

    @Test
    void deployWithoutTheFunctionAndWithoutARoleSaysHowToCreateIt() {
        assertEquals(1, run("deploy", "--zip", zipV1.toString()), output());
        assertTrue(stderr().contains("function registry-edge does not exist in us-east-1: give --role ARN"), output());
        assertEquals(List.of(), cloudFront.writes());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("deploy", "status", "disable", "enable", "rollback")) {
            out.reset();
            assertEquals(0, Main.run(Fixture.TABLES, new String[] {command, "--help"}, InputStream.nullInputStream(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertTrue(stdout().startsWith("Usage: registry-edge " + command), stdout());
            assertTrue(stdout().contains("--distribution=ID"), stdout());
        }
    }

    /** The distribution ids in the order the fixture's routing.json lists them, read as plain JSON. */
    private static List<String> idsInTheFixturesOrder() throws IOException {
        try (InputStream in = OperateCommandsTest.class.getResourceAsStream("/fixture/routing.json")) {
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(in).get("distributions").fieldNames().forEachRemaining(ids::add);
            return ids;
        }
    }

    @Test
    void statusListsTheDistributionsInTheConfigurationsOrderAsTextAndAsJson() throws IOException {
        assertEquals(0, run("deploy", "--zip", zipV1.toString(), "--role", ROLE), output());
        List<String> expected = idsInTheFixturesOrder();
        assertEquals(List.of("E2KP8SMSY4XB67", "E2PBG0JIU6CTJY", "E1Q1256FT1FBYD", "E1PPY7S6SRDS9W", "E2B105Z8OCWZSC",
                "E2N1Y2UGVWY8LA"), expected, "the fixture lists them out of alphabetical order");

        out.reset();
        assertEquals(0, run("status", "--zip", zipV1.toString()), output());
        List<String> rows = stdout().lines().skip(2).map(line -> line.split(" ")[0]).toList();
        assertEquals(expected, rows, stdout());

        out.reset();
        assertEquals(0, run("status", "--zip", zipV1.toString(), "--output", "json"), output());
        JsonNode document = new ObjectMapper().readTree(stdout());
        assertEquals(1, stdout().lines().count(), "one document on one line");
        List<String> ids = new ArrayList<>();
        document.get("distributions").forEach(d -> ids.add(d.get("distribution").asText()));
        assertEquals(expected, ids);
        JsonNode appCi = document.get("distributions").get(0);
        assertEquals(List.of("distribution", "name", "account", "viewerRequest", "code", "state", "ipMap", "published"),
                iterate(appCi.fieldNames()));
        assertEquals(List.of("app.ci", "registry-edge:1", "= local zip", "Deployed"), List.of(appCi.get("name").asText(),
                appCi.get("viewerRequest").asText(), appCi.get("code").asText(), appCi.get("state").asText()));
        assertEquals(zipV1.toString(), document.get("local").get("zip").asText());
        assertEquals(Fixture.TABLES.createDate(), document.get("local").get("ipRangesCreateDate").asText());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "deploy", "disable", "enable", "rollback"})
    void aCommandRefusingItsArgumentsPrintsNothingOnStandardOutput(String command) {
        out.reset();
        boolean takesZip = command.equals("status") || command.equals("deploy");
        assertEquals(2, takesZip ? run(command, "-d", "ENOTCONFIGURED1", "--zip", zipV1.toString())
                : run(command, "-d", "ENOTCONFIGURED1"), output());
        assertEquals("", stdout(), command);
        assertTrue(stderr().contains("distribution ENOTCONFIGURED1 is not in the routing configuration built in"),
                stderr());
        out.reset();
        if (command.equals("status")) {
            assertEquals(2, run(command, "--output", "yaml"), output());
            assertEquals("", stdout());
        }
    }

    @Test
    void theStandInsRefuseAWrongKeyAndAScopeOutsideUsEast1() {
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            assertEquals(1, run("status"), output());
            assertTrue(stdout().contains(APP_CI + " (app.ci): FAILED: SignatureDoesNotMatch"), output());
        } finally {
            System.setProperty("aws.secretAccessKey", SECRET);
        }
        LambdaException wrongKey = assertThrows(LambdaException.class,
                () -> lambdaClient(Region.US_EAST_1, "not-the-secret").getFunction(b -> b.functionName("blob-headers")));
        assertEquals("InvalidSignatureException", wrongKey.awsErrorDetails().errorCode());
        LambdaException wrongScope = assertThrows(LambdaException.class,
                () -> lambdaClient(Region.US_WEST_2, SECRET).getFunction(b -> b.functionName("blob-headers")));
        assertTrue(wrongScope.getMessage().contains("credential scope us-west-2/lambda, expected us-east-1/lambda"),
                wrongScope.getMessage());
        CloudFrontException refused = assertThrows(CloudFrontException.class,
                () -> CloudFrontClient.builder().region(Region.EU_WEST_1).endpointOverride(cloudFront.uri())
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                        .build().getDistribution(b -> b.id(APP_CI)));
        assertTrue(refused.getMessage().contains("credential scope eu-west-1/cloudfront"), refused.getMessage());
        assertNull(lambda.functions.get("registry-edge"));
    }

    private LambdaClient lambdaClient(Region region, String secret) {
        return LambdaClient.builder().region(region).endpointOverride(lambda.uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, secret))).build();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!List.of(args).contains("--help")) {
            all.addAll(List.of("--lambda-endpoint", lambda.uri().toString(), "--cloudfront-endpoint",
                    cloudFront.uri().toString(), "--poll-interval", "20ms"));
            if (List.of("deploy", "disable", "enable", "rollback").contains(args[0])) {
                all.addAll(List.of("--records", records.toString()));
            }
        }
        err.reset();
        return Main.run(Fixture.TABLES, all.toArray(String[]::new), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }

    private DistributionConfig config(String id) {
        return cloudFrontClient.getDistributionConfig(b -> b.id(id)).distributionConfig();
    }

    private Optional<String> viewerRequest(String id) {
        return BlobBehaviour.viewerRequest(config(id)).map(LambdaFunctionAssociation::lambdaFunctionARN);
    }

    private String status(String id) {
        return cloudFrontClient.getDistribution(b -> b.id(id)).distribution().status();
    }

    /** The template as distribution {@code id} holds it at first. */
    private static String initial(String id) {
        return DistributionConfigs.template().replace("${id}", id).replace("${bucket}", FixtureRouting.config()
                .distributions().get(id).home().target().bucket());
    }

    private static String version(int number) {
        return "arn:aws:lambda:us-east-1:" + LambdaApiStandIn.ACCOUNT + ":function:registry-edge:" + number;
    }

    private static String legacy() {
        return "arn:aws:lambda:us-east-1:" + LambdaApiStandIn.ACCOUNT + ":function:legacy-redirect:1";
    }

    private static Path zip(String name, String entry, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(stream)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return file;
    }
}
