package dev.registryedge.handler.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registryedge.handler.testing.SdkPresignCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the plain-Java presigner against the AWS SDK for Java v2's S3Presigner,
 * at the SDK's own signing time. The JavaScript build runs the same table (see {@code it}).
 */
class S3PresignTest {

    static List<SdkPresignCases.Case> cases() {
        return SdkPresignCases.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameUrlAsTheSdk(SdkPresignCases.Case c) {
        SdkPresignCases.Signed sdk = SdkPresignCases.sdk(c);
        AwsKeys keys = new AwsKeys(sdk.accessKeyId(), sdk.secretAccessKey(), sdk.sessionToken(), Long.MAX_VALUE);
        String ours = S3Presign.get(keys, c.region(),
                S3Location.of(c.endpoint(), c.pathStyle(), c.region(), c.bucket(), c.key()), c.seconds(),
                sdk.signedAtMillis());
        assertEquals(sdk.url(), ours);
    }
}
