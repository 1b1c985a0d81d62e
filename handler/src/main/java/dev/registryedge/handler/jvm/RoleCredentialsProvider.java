package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.ipmap.routing.Credentials;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Assumed-role credentials that always outlive the URLs they sign: they are renewed as soon as
 * they have less than {@code minimumLife} left, and fresh ones that fall short are refused.
 *
 * <p>A presigned URL works only while the credentials that signed it are valid. The SDK's
 * {@code StsAssumeRoleCredentialsProvider} does not promise that (it hands out credentials
 * close to expiry, and extends stale ones), so the caching policy lives here; the AssumeRole
 * call itself is the SDK's.
 */
final class RoleCredentialsProvider implements AwsCredentialsProvider {

    private final StsClient sts;
    private final Credentials source;
    private final Duration minimumLife;
    private final Clock clock;
    private AwsSessionCredentials current;

    RoleCredentialsProvider(StsClient sts, Credentials source, Duration minimumLife, Clock clock) {
        this.sts = sts;
        this.source = source;
        this.minimumLife = minimumLife;
        this.clock = clock;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        Instant mustOutlive = Instant.ofEpochMilli(clock.millis()).plus(minimumLife);
        if (current == null || current.expirationTime().orElse(Instant.MIN).isBefore(mustOutlive)) {
            AssumeRoleResponse response = sts.assumeRole(request -> request.roleArn(source.roleArn())
                    .roleSessionName(source.sessionName()).durationSeconds(source.durationSeconds()));
            var assumed = response.credentials();
            AwsSessionCredentials fresh = AwsSessionCredentials.builder()
                    .accessKeyId(assumed.accessKeyId())
                    .secretAccessKey(assumed.secretAccessKey())
                    .sessionToken(assumed.sessionToken())
                    .expirationTime(assumed.expiration())
                    .build();
            if (assumed.expiration().isBefore(mustOutlive)) {
                throw new IllegalStateException("credentials for " + source.roleArn() + " expire at "
                        + assumed.expiration() + ", before URLs signed now would (they must last until " + mustOutlive + ")");
            }
            current = fresh;
        }
        return current;
    }
}
