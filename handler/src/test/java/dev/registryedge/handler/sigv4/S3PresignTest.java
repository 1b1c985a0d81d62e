package dev.registryedge.handler.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Differential test: the plain-Java presigner against the AWS SDK for Java v2's S3Presigner,
 * at the SDK's own signing time. The JavaScript build runs the same table (see {@code it}).
 */
class S3PresignTest {

    /** One row: where, what, with which credentials, for how long. */
    record Case(String region, String bucket, String key, String endpoint, boolean pathStyle, boolean session,
            int seconds) {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String blob = "docker/registry/v2/blobs/sha256/25/"
                + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
        String[] keys = {blob, "a b/c+d~e%f(g)'h!*ü", "x/../y//z=?&#", "日本語/😀", "trailing/"};
        String[] regions = {"us-east-1", "us-east-2", "us-west-2", "eu-central-1"};
        String[] buckets = {"ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix", "dotted.bucket.name"};
        int row = 0;
        for (String region : regions) {
            for (String bucket : buckets) {
                for (String key : keys) {
                    boolean session = row % 2 == 0;
                    int seconds = new int[] {60, 1200, 604800}[row % 3];
                    cases.add(new Case(region, bucket, key, null, false, session, seconds));
                    row++;
                }
            }
        }
        cases.add(new Case("us-east-2", "local-bucket", blob, "http://127.0.0.1:9000", true, true, 1200));
        cases.add(new Case("auto", "r2-bucket", blob, "https://account.r2.example.com", true, false, 900));
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameUrlAsTheSdk(Case c) {
        AwsCredentials credentials = c.session()
                ? AwsSessionCredentials.create("ASIAEXAMPLE", "secret/key+with=chars", "token/with+odd=chars==")
                : AwsBasicCredentials.create("AKIAEXAMPLE", "secret/key+with=chars");
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(c.pathStyle()).build());
        if (c.endpoint() != null) {
            builder.endpointOverride(URI.create(c.endpoint()));
        }
        String sdkUrl;
        try (S3Presigner presigner = builder.build()) {
            sdkUrl = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofSeconds(c.seconds()))
                    .getObjectRequest(g -> g.bucket(c.bucket()).key(c.key()))).url().toString();
        }
        String amzDate = sdkUrl.substring(sdkUrl.indexOf("X-Amz-Date=") + 11, sdkUrl.indexOf("X-Amz-Date=") + 27);
        long signedAt = ZonedDateTime.parse(amzDate, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)).toInstant().toEpochMilli();

        AwsKeys keys = new AwsKeys(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null, Long.MAX_VALUE);
        String ours = S3Presign.get(keys, c.region(),
                S3Location.of(c.endpoint(), c.pathStyle(), c.region(), c.bucket(), c.key()), c.seconds(), signedAt);

        assertEquals(sdkUrl, ours);
    }
}
