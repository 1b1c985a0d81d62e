package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.RoleKeys;
import dev.registryedge.ipmap.routing.Credentials;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A role's credentials for the JVM build: {@link RoleKeys} keeps and renews them, AssumeRole is
 * the SDK's {@link StsClient} call cut to the request's deadline, and renewals are one at a
 * time, a request waiting for another's only until its own deadline.
 *
 * <p>The SDK's {@code StsAssumeRoleCredentialsProvider} is not used: it hands out credentials
 * closer to expiry than a presigned URL's validity, and extends stale ones.
 */
final class SdkRoleKeys {

    private final StsClient sts;
    private final Credentials source;
    private final int callLimitMillis;
    private final RoleKeys<AwsSessionCredentials> keys;
    private final ReentrantLock renewal = new ReentrantLock();

    SdkRoleKeys(StsClient sts, Credentials source, int presignValiditySeconds, int callLimitMillis,
            Clock clock) {
        this.sts = sts;
        this.source = source;
        this.callLimitMillis = callLimitMillis;
        this.keys = new RoleKeys<>(source, presignValiditySeconds, this::assumeRole,
                credentials -> credentials.expirationTime().orElseThrow().toEpochMilli(), clock);
    }

    /** The current keys, renewed first if they would not outlive a URL signed now. */
    AwsSessionCredentials resolve(Deadline deadline) {
        AwsSessionCredentials usable = keys.usable();
        if (usable != null) {
            return usable;
        }
        if (!lockRenewal(deadline)) {
            throw new IllegalStateException("credentials for " + source.roleArn()
                    + " are being renewed by another request, past this request's deadline");
        }
        try {
            return keys.get(deadline); // renewed by the request that held the lock, or now
        } finally {
            renewal.unlock();
        }
    }

    private boolean lockRenewal(Deadline deadline) {
        try {
            return renewal.tryLock(Math.max(0, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the credentials of " + source.roleArn(), e);
        }
    }

    private AwsSessionCredentials assumeRole(Credentials role, Deadline deadline) {
        Duration timeout = Duration.ofMillis(deadline.cut(callLimitMillis));
        var assumed = sts.assumeRole(request -> request.roleArn(role.roleArn()).roleSessionName(role.sessionName())
                .durationSeconds(role.durationSeconds())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)))
                .credentials();
        return AwsSessionCredentials.builder()
                .accessKeyId(assumed.accessKeyId())
                .secretAccessKey(assumed.secretAccessKey())
                .sessionToken(assumed.sessionToken())
                .expirationTime(assumed.expiration())
                .build();
    }
}
