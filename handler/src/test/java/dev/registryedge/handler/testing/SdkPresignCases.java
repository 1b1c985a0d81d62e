package dev.registryedge.handler.testing;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A table of presigning inputs (regions, bucket names with and without dots, keys with awkward
 * characters, credentials with and without a session token, validities, endpoints) and the URL
 * the AWS SDK for Java v2's S3Presigner gives for each, with the time it signed at.
 */
public final class SdkPresignCases {

    public record Case(String region, String bucket, String key, String endpoint, boolean pathStyle, boolean session,
            int seconds) {}

    public record Signed(String url, String accessKeyId, String secretAccessKey, String sessionToken, long signedAtMillis) {}

    private SdkPresignCases() {}

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String blob = "docker/registry/v2/blobs/sha256/25/"
                + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
        String[] keys = {blob, "a b/c+d~e%f(g)'h!*ü", "x/../y//z=?&#", "日本語/😀", "trailing/"};
        int row = 0;
        for (String region : new String[] {"us-east-1", "us-east-2", "us-west-2", "eu-central-1"}) {
            for (String bucket : new String[] {"ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix",
                "dotted.bucket.name"}) {
                for (String key : keys) {
                    cases.add(new Case(region, bucket, key, null, false, row % 2 == 0, new int[] {60, 1200, 604800}[row % 3]));
                    row++;
                }
            }
        }
        cases.add(new Case("us-east-2", "local-bucket", blob, "http://127.0.0.1:9000", true, true, 1200));
        cases.add(new Case("auto", "r2-bucket", blob, "https://account.r2.example.com", true, false, 900));
        return cases;
    }

    public static Signed sdk(Case c) {
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
        try (S3Presigner presigner = builder.build()) {
            String url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofSeconds(c.seconds()))
                    .getObjectRequest(g -> g.bucket(c.bucket()).key(c.key()))).url().toString();
            int at = url.indexOf("X-Amz-Date=") + 11;
            long signedAt = ZonedDateTime.parse(url.substring(at, at + 16),
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)).toInstant().toEpochMilli();
            return new Signed(url, credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null, signedAt);
        }
    }
}
