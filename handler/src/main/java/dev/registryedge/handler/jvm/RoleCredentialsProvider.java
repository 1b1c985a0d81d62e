package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.ipmap.routing.Credentials;
import java.time.Duration;
import java.time.Instant;
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
final class RoleCredentialsProvider {

    private final StsClient sts;
    private final Credentials source;
    private final Duration minimumLife;
    private final int callLimitMillis;
    private final Clock clock;
    private AwsSessionCredentials current;

    RoleCredentialsProvider(StsClient sts, Credentials source, Duration minimumLife, int callLimitMillis, Clock clock) {
        this.sts = sts;
        this.source = source;
        this.minimumLife = minimumLife;
        this.callLimitMillis = callLimitMillis;
        this.clock = clock;
    }

    /** The current keys, renewed first if they would not outlive a URL signed now. */
    synchronized AwsSessionCredentials resolve(Deadline deadline) {
        Instant mustOutlive = Instant.ofEpochMilli(clock.millis()).plus(minimumLife);
        if (current == null || current.expirationTime().orElse(Instant.MIN).isBefore(mustOutlive)) {
            Duration timeout = Duration.ofMillis(deadline.cut(callLimitMillis));
            AssumeRoleResponse response = sts.assumeRole(request -> request.roleArn(source.roleArn())
                    .roleSessionName(source.sessionName()).durationSeconds(source.durationSeconds())
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)));
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
