package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.ipmap.routing.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    /** Renewals are one at a time; a request waits for another's only until its own deadline. */
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile AwsSessionCredentials current;

    RoleCredentialsProvider(StsClient sts, Credentials source, Duration minimumLife, int callLimitMillis, Clock clock) {
        this.sts = sts;
        this.source = source;
        this.minimumLife = minimumLife;
        this.callLimitMillis = callLimitMillis;
        this.clock = clock;
    }

    /** The current keys, renewed first if they would not outlive a URL signed now. */
    AwsSessionCredentials resolve(Deadline deadline) throws InterruptedException {
        AwsSessionCredentials keys = current;
        if (outlivesAUrl(keys)) {
            return keys;
        }
        if (!renewal.tryLock(Math.max(0, deadline.remainingMillis()), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("credentials for " + source.roleArn()
                    + " are being renewed by another request, past this request's deadline");
        }
        try {
            keys = current;
            if (outlivesAUrl(keys)) {
                return keys; // renewed by the request that held the lock
            }
            Instant mustOutlive = mustOutlive();
            Duration timeout = Duration.ofMillis(deadline.cut(callLimitMillis));
            AssumeRoleResponse response = sts.assumeRole(request -> request.roleArn(source.roleArn())
                    .roleSessionName(source.sessionName()).durationSeconds(source.durationSeconds())
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)));
            var assumed = response.credentials();
            if (assumed.expiration().isBefore(mustOutlive)) {
                throw new IllegalStateException("credentials for " + source.roleArn() + " expire at "
                        + assumed.expiration() + ", before URLs signed now would (they must last until " + mustOutlive + ")");
            }
            current = AwsSessionCredentials.builder()
                    .accessKeyId(assumed.accessKeyId())
                    .secretAccessKey(assumed.secretAccessKey())
                    .sessionToken(assumed.sessionToken())
                    .expirationTime(assumed.expiration())
                    .build();
            return current;
        } finally {
            renewal.unlock();
        }
    }

    private Instant mustOutlive() {
        return Instant.ofEpochMilli(clock.millis()).plus(minimumLife);
    }

    private boolean outlivesAUrl(AwsSessionCredentials keys) {
        return keys != null && !keys.expirationTime().orElse(Instant.MIN).isBefore(mustOutlive());
    }
}
