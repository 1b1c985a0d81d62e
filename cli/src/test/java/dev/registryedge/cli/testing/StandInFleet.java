package dev.registryedge.cli.testing;

import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.standins.AccessKeys;
import dev.registryedge.standins.CloudFrontApiStandIn;
import dev.registryedge.standins.CloudWatchStandIn;
import dev.registryedge.standins.LambdaApiStandIn;
import dev.registryedge.standins.StsStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fixture's six distributions in three accounts, on stand-ins of STS, Lambda, CloudFront and
 * CloudWatch that share one set of access keys (so each tells the accounts apart by the signing
 * key, as AWS does): app.ci and build01 in the caller's own account, build03 and build05, build09
 * and build10 in two farm accounts reached through an operator role. The commands find the
 * stand-ins through the SDK's standard settings ({@code aws.endpointUrl*}), set here and cleared
 * on close; the fleet file lists every distribution with its account.
 */
public final class StandInFleet implements AutoCloseable {

    public static final String CALLER_KEY = "AKIDFLEETOPERATOR";
    public static final String CALLER_SECRET = "fleet-operator-secret";
    /** The caller's own account: app.ci and build01, no role. */
    public static final String OWN = "111111111111";
    /** build03 and build05, through a role. */
    public static final String FARMS_EAST_1 = "222222222222";
    /** build09 and build10, through a role. */
    public static final String FARMS_EAST_2 = "333333333333";
    public static final String APP_CI = "E2KP8SMSY4XB67";
    public static final String BUILD01 = "E1Q1256FT1FBYD";
    public static final String BUILD03 = "E2PBG0JIU6CTJY";
    public static final String BUILD05 = "E1PPY7S6SRDS9W";
    public static final String BUILD09 = "E2B105Z8OCWZSC";
    public static final String BUILD10 = "E2N1Y2UGVWY8LA";
    public static final Map<String, String> ACCOUNT_OF = Map.of(APP_CI, OWN, BUILD01, OWN, BUILD03, FARMS_EAST_1,
            BUILD05, FARMS_EAST_1, BUILD09, FARMS_EAST_2, BUILD10, FARMS_EAST_2);
    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
            "aws.endpointUrlSts", "aws.endpointUrlLambda", "aws.endpointUrlCloudFront", "aws.endpointUrlCloudWatch");

    public final AccessKeys keys = new AccessKeys().add(CALLER_KEY, CALLER_SECRET, OWN);
    public final StsStandIn sts = new StsStandIn(keys).role(operatorRole(FARMS_EAST_1)).role(operatorRole(FARMS_EAST_2));
    public final LambdaApiStandIn lambda = new LambdaApiStandIn(keys);
    public final CloudFrontApiStandIn cloudFront = new CloudFrontApiStandIn(keys, lambda);
    public final CloudWatchStandIn cloudWatch = new CloudWatchStandIn(keys);
    public final Path fleetFile;
    private final String template = DistributionConfigs.template();

    public StandInFleet(Path dir) throws IOException {
        System.setProperty("aws.accessKeyId", CALLER_KEY);
        System.setProperty("aws.secretAccessKey", CALLER_SECRET);
        System.setProperty("aws.endpointUrlSts", sts.uri().toString());
        System.setProperty("aws.endpointUrlLambda", lambda.uri().toString());
        System.setProperty("aws.endpointUrlCloudFront", cloudFront.uri().toString());
        System.setProperty("aws.endpointUrlCloudWatch", cloudWatch.uri().toString());
        for (String account : List.of(OWN, FARMS_EAST_1, FARMS_EAST_2)) {
            lambda.seed(account, "legacy-redirect", "nodejs20.x", 5, 128);
            lambda.seed(account, "blob-headers", "nodejs20.x", 30, 512);
        }
        FixtureRouting.config().distributions().keySet().forEach(id -> cloudFront.add(ACCOUNT_OF.get(id), id,
                initial(id)));
        fleetFile = dir.resolve("fleet-" + java.util.UUID.randomUUID() + ".json");
        Files.writeString(fleetFile, """
                {"accounts": {
                   "%1$s": {},
                   "%2$s": {"roleArn": "%4$s"},
                   "%3$s": {"roleArn": "%5$s", "function": "registry-edge"}},
                 "distributions": {
                   "E2KP8SMSY4XB67": {"account": "%1$s"}, "E1Q1256FT1FBYD": {"account": "%1$s"},
                   "E2PBG0JIU6CTJY": {"account": "%2$s"}, "E1PPY7S6SRDS9W": {"account": "%2$s"},
                   "E2B105Z8OCWZSC": {"account": "%3$s"}, "E2N1Y2UGVWY8LA": {"account": "%3$s"}}}
                """.formatted(OWN, FARMS_EAST_1, FARMS_EAST_2, operatorRole(FARMS_EAST_1), operatorRole(FARMS_EAST_2)));
    }

    /** The template as a distribution of its account holds it at the start. */
    public String initial(String id) {
        return template.replace("${id}", id).replace("${bucket}", FixtureRouting.config().distributions().get(id)
                .home().target().bucket()).replace("123456789012", ACCOUNT_OF.get(id));
    }

    public static String operatorRole(String account) {
        return "arn:aws:iam::" + account + ":role/registry-edge-operator";
    }

    public static String arn(String account, String function, int version) {
        return "arn:aws:lambda:us-east-1:" + account + ":function:" + function + ":" + version;
    }

    @Override
    public void close() {
        cloudWatch.close();
        cloudFront.close();
        lambda.close();
        sts.close();
        PROPERTIES.forEach(System::clearProperty);
    }
}
