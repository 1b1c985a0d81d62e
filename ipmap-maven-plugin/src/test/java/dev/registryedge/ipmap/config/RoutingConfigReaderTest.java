package dev.registryedge.ipmap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.testing.Snapshots;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoutingConfigReaderTest {

    private static final Set<String> KNOWN = Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "GLOBAL");
    private static final Set<String> MAPPED = Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2");

    private static RoutingConfig read(String json) throws InputException {
        return RoutingConfigReader.read(Snapshots.bytes(json), "routing.json", KNOWN, MAPPED);
    }

    private static List<String> problems(String json) {
        return assertThrows(InputException.class, () -> read(json)).problems();
    }

    private static String names(List<Route> routes) {
        return String.join(",", routes.stream().map(r -> r.target().name() + "@" + r.credentials().name()).toList());
    }

    @Test
    @DisplayName("a configuration like the deployment's (a fixture: six distributions) resolves to replicas first, then the farm's own bucket")
    void sixDistributionsResolve() throws Exception {
        byte[] content = Snapshots.resource("/routing/six-distributions.json");
        RoutingConfig config = RoutingConfigReader.read(content, "six-distributions.json", KNOWN, MAPPED);

        assertEquals(6, config.distributions().size());
        assertEquals(1200, config.presignValiditySeconds());
        assertEquals(List.of("169.59.196.160/28"), config.alwaysCloudFront());
        Distribution appci = config.distributions().get("E2KP8SMSY4XB67");
        assertEquals("appci@function", names(appci.routesFor("us-east-1")));
        assertEquals("appci-replica-us-east-2@function,appci@function", names(appci.routesFor("us-east-2")));
        assertEquals("appci-replica-us-west-2@function", names(appci.routesFor("us-west-2")));
        assertEquals("", names(appci.routesFor("ap-northeast-2")));
        Distribution build03 = config.distributions().get("E2PBG0JIU6CTJY");
        assertEquals("appci-replica-us-east-2@appci-replica-reader,build03@function", names(build03.routesFor("us-east-2")));
        assertEquals("build03@function", names(List.of(build03.home())));
        assertEquals(List.of(true, false), build03.routesFor("us-east-2").stream().map(Route::replica).toList(),
                "the replica is marked as one, the farm's own bucket is not");
        assertEquals(false, build03.home().replica());
        Distribution build09 = config.distributions().get("E2B105Z8OCWZSC");
        assertEquals("us-east-2", build09.home().target().region());
        Credentials reader = build03.routesFor("us-west-1").get(0).credentials();
        assertEquals("arn:aws:iam::059165973077:role/service-role/cloudfront-us-east-to-s3-direct-role-ioj0vsn0",
                reader.roleArn());
        assertEquals("build-farm-registry-cloudfront-lambda", reader.sessionName());
    }

    @Test
    void reportsEveryInvalidFieldByPath() {
        String json = """
                {
                  "presignValiditySeconds": 4000,
                  "s3": {"connectTimeoutMillis": 500, "requestTimeoutMillis": 400, "budgetMillis": 9000},
                  "alwaysCloudFront": ["169.59.196.161/28"],
                  "credentials": {"cross": {"roleArn": "arn:aws:iam::123:user/x", "sessionName": "a b"}},
                  "targets": {
                    "home": {"bucket": "Bad_Bucket", "region": "us-est-1"},
                    "replica": {"bucket": "replica-bucket", "region": "us-west-2"},
                    "cache": {"bucket": "cache-bucket", "region": "auto", "endpoint": "ftp://cache", "credentials": "r2"}
                  },
                  "replicas": {"us-west-2": ["replica"], "eu-west-1": ["nowhere"]},
                  "distributions": {
                    "e2kp": {"home": "missing", "replicaCredentials": "nobody", "routes": {"us-east-1": []}, "extra": 1}
                  }
                }
                """;
        assertEquals(List.of(
                "routing.json: s3.budgetMillis: 9000 exceeds 3000: all network calls of a request (AssumeRole,"
                        + " HeadObject, retries) must end within it, and Lambda@Edge ends the function at 5 s, of which"
                        + " 2 s are kept for a cold start, CPU and timer lateness; lower budgetMillis to at most 3000",
                "routing.json: s3.connectTimeoutMillis: 500 exceeds requestTimeoutMillis 400: opening the connection is"
                        + " part of the call; lower connectTimeoutMillis or raise requestTimeoutMillis",
                "routing.json: alwaysCloudFront[0]: '169.59.196.161/28' has host bits set below its /28",
                "routing.json: credentials.cross.roleArn: 'arn:aws:iam::123:user/x' is not an IAM role ARN"
                        + " (arn:aws:iam::<12-digit account>:role/<path and name>)",
                "routing.json: credentials.cross.sessionName: 'a b' is not a role session name (2-64 of letters,"
                        + " digits and +=,.@_-)",
                "routing.json: credentials.cross.durationSeconds: 3600 s leaves no room to refresh credentials before"
                        + " URLs valid for presignValiditySeconds 4000 s would outlive them (needs at least 4300)",
                "routing.json: targets.home.bucket: 'Bad_Bucket' is not a valid S3 bucket name (3-63 lower-case letters,"
                        + " digits, dots and hyphens, starting and ending with a letter or digit)",
                "routing.json: targets.home.region: 'us-est-1' is not a region in the snapshot (did you mean us-east-1?)",
                "routing.json: targets.cache.endpoint: 'ftp://cache' is not an http(s)://host[:port] URL",
                "routing.json: targets.cache.credentials: 'r2' is not defined under credentials",
                "routing.json: replicas.us-west-2[0]: 'replica' must have checkExists true: a replica may not hold the"
                        + " blob yet",
                "routing.json: replicas.eu-west-1: 'eu-west-1' is not a region in the snapshot (did you mean us-west-1?)",
                "routing.json: replicas.eu-west-1[0]: 'nowhere' is not defined under targets",
                "routing.json: distributions.e2kp.extra: unknown field (expected one of home, name, replicaCredentials,"
                        + " routes)",
                "routing.json: distributions.e2kp: 'e2kp' is not a CloudFront distribution id (upper-case letters and"
                        + " digits)",
                "routing.json: distributions.e2kp.replicaCredentials: 'nobody' is not defined under credentials",
                "routing.json: distributions.e2kp.routes.us-east-1: is empty: name at least one target, or leave the"
                        + " region out",
                "routing.json: distributions.e2kp.home: 'missing' is not defined under targets"),
                problems(json));
    }

    @Test
    @DisplayName("a store outside AWS signs with a key pair kept in Secrets Manager")
    void readsKeysFromASecretOfAKnownPartition() throws Exception {
        String template = """
                {"credentials": {"r2-keys": %s},
                 "targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"},
                             "r2": {"bucket": "cache", "region": "auto", "endpoint": "https://acct.r2.example.com",
                                    "checkExists": true, "credentials": "r2-keys"}},
                 "distributions": {"E2KP8SMSY4XB67": {"home": "t", "routes": {"us-east-1": ["r2", "t"]}}}}
                """;
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry/r2-keys-AbCdEf";
        RoutingConfig config = read(template.formatted("{\"secretArn\": \"" + arn + "\", \"cacheSeconds\": 900}"));
        Credentials keys = config.distributions().get("E2KP8SMSY4XB67").routesFor("us-east-1").get(0).credentials();
        assertEquals(Credentials.fromSecret("r2-keys", arn, 900), keys);
        assertEquals("eu-west-1", keys.secretRegion());
        assertEquals(3600, read(template.formatted("{\"secretArn\": \"" + arn + "\"}")).distributions()
                .get("E2KP8SMSY4XB67").routesFor("us-east-1").get(0).credentials().cacheSeconds());

        assertEquals(List.of("routing.json: credentials.r2-keys.secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:"
                + "secret:r2-keys' is not the full ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:"
                + "<12-digit account>:secret:<name>-<6 characters>, as the console and describe-secret show it)"),
                problems(template.formatted("{\"secretArn\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
                        + "r2-keys\"}")));
        assertEquals(List.of("routing.json: credentials.r2-keys.secretArn: give roleArn or secretArn, not both"),
                problems(template.formatted("{\"secretArn\": \"" + arn + "\", \"roleArn\":"
                        + " \"arn:aws:iam::123456789012:role/r\"}")));
        assertEquals(List.of("routing.json: credentials.r2-keys.cacheSeconds: 5 is outside 60..86400"),
                problems(template.formatted("{\"secretArn\": \"" + arn + "\", \"cacheSeconds\": 5}")));
        assertEquals(List.of("routing.json: credentials.r2-keys.secretArn: 'arn:aws-cn:secretsmanager:cn-north-1:"
                + "123456789012:secret:x-AbCdEf' names partition 'aws-cn': Lambda@Edge runs in the aws partition only,"
                + " and cannot read it"), problems(template.formatted("{\"secretArn\": \"arn:aws-cn:secretsmanager:"
                + "cn-north-1:123456789012:secret:x-AbCdEf\"}")));
    }

    @Test
    void refusesADistributionNamedTwice() {
        String json = """
                {"targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"}},
                 "distributions": {"E2KP8SMSY4XB67": {"home": "t"}, "E2KP8SMSY4XB67": {"home": "t"}}}
                """;
        assertEquals(List.of("routing.json: not valid JSON: Duplicate field 'E2KP8SMSY4XB67' (line 2, column 69)"),
                problems(json));
    }

    @Test
    void refusesAClientRegionTheMapCannotPlaceAnyoneIn() {
        String json = """
                {"targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"}},
                 "distributions": {"E2KP8SMSY4XB67": {"routes": {"us-east-1": ["t"], "GLOBAL": ["t"]}}}}
                """;
        assertEquals(List.of("routing.json: distributions.E2KP8SMSY4XB67.routes.GLOBAL: 'GLOBAL' has no prefixes in the"
                + " map, so no client is ever placed there (widen the plugin's regions or services filter)"),
                problems(json));
    }

    @Test
    void defaultsHomeToTheFirstUsEast1TargetAndS3LimitsToSafeValues() throws Exception {
        RoutingConfig config = read("""
                {"targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"},
                             "r2": {"bucket": "blobs", "region": "auto", "endpoint": "https://acct.r2.example.com",
                                    "checkExists": true}},
                 "distributions": {"E2KP8SMSY4XB67": {"routes": {"us-east-1": ["t"], "us-west-2": ["r2"]}}}}
                """);
        Distribution distribution = config.distributions().get("E2KP8SMSY4XB67");
        assertEquals("t", distribution.home().target().name());
        assertEquals("E2KP8SMSY4XB67", distribution.name());
        assertEquals(true, distribution.routesFor("us-west-2").get(0).target().pathStyle());
        assertEquals(2000, config.s3().budgetMillis());
        assertEquals(true, config.debugOverrides());
    }

    @Test
    void metricsArePerDistributionAndOutcomeUnlessTheConfigurationSaysCoarserOrOff() throws Exception {
        String template = """
                {%s"targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"}},
                 "distributions": {"E2KP8SMSY4XB67": {"name": "%s", "routes": {"us-east-1": ["t"]}}}}
                """;
        assertEquals(MetricsDetail.OUTCOME, read(template.formatted("", "app.ci")).metrics());
        assertEquals(MetricsDetail.DISTRIBUTION, read(template.formatted("\"metrics\": \"distribution\", ", "app.ci"))
                .metrics());
        assertEquals(MetricsDetail.OFF, read(template.formatted("\"metrics\": \"off\", ", "app.ci")).metrics());
        assertEquals(List.of("routing.json: metrics: 'full' is not off, distribution or outcome"),
                problems(template.formatted("\"metrics\": \"full\", ", "app.ci")));
        assertEquals(List.of("routing.json: distributions.E2KP8SMSY4XB67.name: 'other' is what the metrics call every distribution"
                + " the configuration lacks: choose another name"), problems(template.formatted("", "other")));
    }

    @Test
    @DisplayName("s3: connectTimeoutMillis <= requestTimeoutMillis <= budgetMillis <= 3000")
    void limitsTheNetworkTimeOfARequestToThreeSeconds() throws Exception {
        String template = """
                {"s3": {"connectTimeoutMillis": %d, "requestTimeoutMillis": %d, "budgetMillis": %d},
                 "targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"}},
                 "distributions": {"E2KP8SMSY4XB67": {"routes": {"us-east-1": ["t"]}}}}
                """;
        assertEquals(3000, read(String.format(template, 3000, 3000, 3000)).s3().budgetMillis());
        assertEquals(List.of("routing.json: s3.budgetMillis: 3001 exceeds 3000: all network calls of a request"
                + " (AssumeRole, HeadObject, retries) must end within it, and Lambda@Edge ends the function at 5 s, of"
                + " which 2 s are kept for a cold start, CPU and timer lateness; lower budgetMillis to at most 3000"),
                problems(String.format(template, 300, 1000, 3001)));
        assertEquals(List.of("routing.json: s3.requestTimeoutMillis: 2500 exceeds budgetMillis 2000: one call cannot"
                + " take longer than the whole request's budget; lower requestTimeoutMillis or raise budgetMillis (at"
                + " most 3000)"), problems(String.format(template, 300, 2500, 2000)));
        assertEquals(List.of("routing.json: s3.budgetMillis: 4000 exceeds 3000: all network calls of a request"
                + " (AssumeRole, HeadObject, retries) must end within it, and Lambda@Edge ends the function at 5 s, of"
                + " which 2 s are kept for a cold start, CPU and timer lateness; lower budgetMillis to at most 3000",
                "routing.json: s3.requestTimeoutMillis: 4001 exceeds budgetMillis 4000: one call cannot take longer than"
                        + " the whole request's budget; lower requestTimeoutMillis or raise budgetMillis (at most 3000)",
                "routing.json: s3.connectTimeoutMillis: 5000 exceeds requestTimeoutMillis 4001: opening the connection"
                        + " is part of the call; lower connectTimeoutMillis or raise requestTimeoutMillis"),
                problems(String.format(template, 5000, 4001, 4000)));
        assertEquals(List.of("routing.json: s3.connectTimeoutMillis: 0 is outside 1..60000"),
                problems(String.format(template, 0, 1000, 2000)));
    }

    private static String withTargets(String targets) {
        return """
                {"credentials": {"cross": {"roleArn": "arn:aws:iam::123456789012:role/reader"}},
                 "targets": {%s},
                 "distributions": {"E2KP8SMSY4XB67": {"home": "t", "routes": {"us-east-1": ["t"]}}}}
                """.formatted(targets);
    }

    @Test
    @DisplayName("endpoints: https, or http for loopback only; ports 1..65535")
    void endpointsMustNotSendPresignedUrlsInClearText() throws Exception {
        RoutingConfig config = read(withTargets("""
                "t": {"bucket": "bucket-one", "region": "us-east-1"},
                "a": {"bucket": "bucket-one", "region": "auto", "endpoint": "http://127.0.0.1:9000"},
                "b": {"bucket": "bucket-one", "region": "auto", "endpoint": "http://localhost:1/"},
                "c": {"bucket": "bucket-one", "region": "auto", "endpoint": "http://[::1]:65535"},
                "d": {"bucket": "bucket-one", "region": "auto", "endpoint": "https://acct.r2.cloudflarestorage.com"}
                """));
        assertEquals(1, config.distributions().size());
        assertEquals(List.of(
                "routing.json: targets.a.endpoint: 'http://example.com' would send presigned URLs, and the keys'"
                        + " signatures, in clear text: use https:// (http:// is allowed only for 127.0.0.1, localhost"
                        + " and [::1], for tests)",
                "routing.json: targets.b.endpoint: 'http://127.0.0.2:9000' would send presigned URLs, and the keys'"
                        + " signatures, in clear text: use https:// (http:// is allowed only for 127.0.0.1, localhost"
                        + " and [::1], for tests)",
                "routing.json: targets.c.endpoint: 'https://example.com:65536' has port 65536, outside 1..65535",
                "routing.json: targets.d.endpoint: 'https://example.com:0' has port 0, outside 1..65535",
                "routing.json: targets.e.endpoint: 'https://example.com:99999999999' is not an http(s)://host[:port]"
                        + " URL",
                "routing.json: targets.f.endpoint: 'https://-example..com' is not an http(s)://host[:port] URL"),
                problems(withTargets("""
                "t": {"bucket": "bucket-one", "region": "us-east-1"},
                "a": {"bucket": "bucket-one", "region": "auto", "endpoint": "http://example.com"},
                "b": {"bucket": "bucket-one", "region": "auto", "endpoint": "http://127.0.0.2:9000"},
                "c": {"bucket": "bucket-one", "region": "auto", "endpoint": "https://example.com:65536"},
                "d": {"bucket": "bucket-one", "region": "auto", "endpoint": "https://example.com:0"},
                "e": {"bucket": "bucket-one", "region": "auto", "endpoint": "https://example.com:99999999999"},
                "f": {"bucket": "bucket-one", "region": "auto", "endpoint": "https://-example..com"}
                """)));
    }

    @Test
    void refusesBucketNamesAwsForbids() {
        String[] buckets = {"xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket", "bucket-s3alias", "bucket--ol-s3",
            "bucket--x-s3", "bucket--table-s3", "bucket.mrap", "a.-b", "a-.b", "a..b", "192.168.5.4"};
        StringBuilder targets = new StringBuilder("\"t\": {\"bucket\": \"bucket-one\", \"region\": \"us-east-1\"}");
        for (int i = 0; i < buckets.length; i++) {
            targets.append(",\n\"b").append(i).append("\": {\"bucket\": \"").append(buckets[i])
                    .append("\", \"region\": \"us-east-1\"}");
        }
        String aliases = "the suffix '%s' is reserved by AWS (access point aliases, directory and table buckets,"
                + " Multi-Region Access Points)";
        List<String> reasons = List.of("the prefix 'xn--' is reserved by AWS", "the prefix 'sthree-' is reserved by AWS",
                "the prefix 'amzn-s3-demo-' is reserved by AWS", aliases.formatted("-s3alias"),
                aliases.formatted("--ol-s3"), aliases.formatted("--x-s3"), aliases.formatted("--table-s3"),
                aliases.formatted(".mrap"), "a dot next to a hyphen", "a dot next to a hyphen", "two dots in a row",
                "it is formatted as an IP address");
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            expected.add("routing.json: targets.b" + i + ".bucket: '" + buckets[i] + "' is not a valid S3 bucket name: "
                    + reasons.get(i));
        }
        assertEquals(expected, problems(withTargets(targets.toString())));
    }

    @Test
    void roleArnsMustNameAnAwsPartition() throws Exception {
        for (String partition : List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f",
                "aws-eusc")) {
            read(withTargets("\"t\": {\"bucket\": \"bucket-one\", \"region\": \"us-east-1\"}")
                    .replace("arn:aws:", "arn:" + partition + ":"));
        }
        assertEquals(List.of("routing.json: credentials.cross.roleArn: 'arn:awsfoo-bar:iam::123456789012:role/reader'"
                + " names partition 'awsfoo-bar', which is not an AWS partition (one of aws, aws-cn, aws-us-gov, aws-iso,"
                + " aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)"),
                problems(withTargets("\"t\": {\"bucket\": \"bucket-one\", \"region\": \"us-east-1\"}")
                        .replace("arn:aws:", "arn:awsfoo-bar:")));
    }

    @Test
    @DisplayName("values that go into HTTP requests at run time hold printable ASCII only")
    void refusesControlCharactersAndNonAsciiInRequestValues() {
        String json = """
                {"credentials": {"cross": {"roleArn": "arn:aws:iam::123456789012:role/reader\\r\\nx-evil: 1",
                                           "sessionName": "edge\\u0000"},
                                 "other": {"roleArn": "arn:aws:iam::123456789012:role/r\\u00e9ader",
                                           "sessionName": "s\\u2028s"}},
                 "targets": {
                   "t": {"bucket": "bucket-one", "region": "us-east-1"},
                   "x": {"bucket": "bucket\\none", "region": "auto\\r\\n", "endpoint": "https://h\\u0131st.example.com"},
                   "y": {"bucket": "bücket", "region": "us-east-1\\t"},
                   "z": {"bucket": "bucket-one", "region": "auto\\u007f", "endpoint": "https://example.com"},
                   "w": {"bucket": "bucket-one", "region": "a/b", "endpoint": "https://example.com"}
                 },
                 "distributions": {"E2KP8SMSY4XB67": {"home": "t", "routes": {"us-east-1": ["t"]}}}}
                """;
        String ascii = " contains a control character or a character outside ASCII, which cannot go into an HTTP"
                + " request: use printable ASCII only";
        assertEquals(List.of(
                "routing.json: credentials.cross.roleArn: 'arn:aws:iam::123456789012:role/reader\\r\\nx-evil: 1'" + ascii,
                "routing.json: credentials.cross.sessionName: 'edge\\u0000'" + ascii,
                "routing.json: credentials.other.roleArn: 'arn:aws:iam::123456789012:role/r\\u00e9ader'" + ascii,
                "routing.json: credentials.other.sessionName: 's\\u2028s'" + ascii,
                "routing.json: targets.x.bucket: 'bucket\\none'" + ascii,
                "routing.json: targets.x.endpoint: 'https://h\\u0131st.example.com'" + ascii,
                "routing.json: targets.x.region: 'auto\\r\\n'" + ascii,
                "routing.json: targets.y.bucket: 'b\\u00fccket'" + ascii,
                "routing.json: targets.y.region: 'us-east-1\\t'" + ascii,
                "routing.json: targets.z.region: 'auto\\u007f'" + ascii,
                "routing.json: targets.w.region: 'a/b' is not a signing region name (1-64 letters, digits, '-' and '_',"
                        + " starting with a letter or digit, e.g. auto)"),
                problems(json));
    }

    @Test
    @DisplayName("names of targets, credentials and distributions: [a-z0-9][a-z0-9._-]{0,62}")
    void refusesNamesThatCannotBeIdentifiersOrHeaderValues() {
        String json = """
                {"credentials": {"Credentials": {"roleArn": "arn:aws:iam::123456789012:role/reader"}},
                 "targets": {
                   "List": {"bucket": "bucket-one", "region": "us-east-1"},
                   "x\\r\\nx-injected: 1": {"bucket": "bucket-one", "region": "us-east-1"},
                   "-x": {"bucket": "bucket-one", "region": "us-east-1"},
                   "%s": {"bucket": "bucket-one", "region": "us-east-1"},
                   "caf\\u00e9": {"bucket": "bucket-one", "region": "us-east-1"},
                   "t": {"bucket": "bucket-one", "region": "us-east-1"}
                 },
                 "distributions": {"E2KP8SMSY4XB67": {"name": "farm one\\n", "home": "t", "routes": {"us-east-1": ["t"]}}}}
                """.formatted("x".repeat(64));
        String rule = " is not a valid name (1-63 of lower-case letters, digits, '.', '_' and '-', starting with a letter"
                + " or digit): names become Java identifiers and go into log lines and the x-registry-edge-route"
                + " response header";
        assertEquals(List.of(
                "routing.json: credentials.Credentials: 'Credentials'" + rule,
                "routing.json: targets.List: 'List'" + rule,
                "routing.json: targets.x\\r\\nx-injected: 1: 'x\\r\\nx-injected: 1'" + rule,
                "routing.json: targets.-x: '-x'" + rule,
                "routing.json: targets." + "x".repeat(64) + ": '" + "x".repeat(64) + "'" + rule,
                "routing.json: targets.caf\u00e9: 'caf\\u00e9'" + rule,
                "routing.json: distributions.E2KP8SMSY4XB67.name: 'farm one\\n'" + rule),
                problems(json));
    }

    @Test
    void alwaysCloudFrontTakesAsciiDigitsOnly() {
        assertEquals(List.of("routing.json: alwaysCloudFront[0]: not an IPv6 literal: '\uff12\uff16\uff10\uff10:1f18::'"),
                problems("""
                {"alwaysCloudFront": ["\uff12\uff16\uff10\uff10:1f18::/32"],
                 "targets": {"t": {"bucket": "bucket-one", "region": "us-east-1"}},
                 "distributions": {"E2KP8SMSY4XB67": {"routes": {"us-east-1": ["t"]}}}}
                """));
    }
}
