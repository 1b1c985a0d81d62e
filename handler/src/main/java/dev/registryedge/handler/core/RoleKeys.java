package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Credentials;

/**
 * The keys of one assumed role, for both builds: kept while they would still outlive a URL
 * signed now (a presigned URL dies with the keys that signed it), renewed as soon as they would
 * not, and fresh ones that fall short refused. The adapter supplies the AssumeRole call; on the
 * JVM it also makes renewals one at a time.
 *
 * @param <K> the platform's type for a set of keys
 */
public final class RoleKeys<K> {

    /** One AssumeRole call, ending by the deadline; any failure is thrown. */
    public interface AssumeRole<K> {
        K call(Credentials role, Deadline deadline);
    }

    /** When a set of keys expires. */
    public interface Expiry<K> {
        long millis(K keys);
    }

    private final Credentials role;
    private final long minimumLifeMillis;
    private final AssumeRole<K> assumeRole;
    private final Expiry<K> expiry;
    private final Clock clock;
    private volatile K current;

    public RoleKeys(Credentials role, int presignValiditySeconds, AssumeRole<K> assumeRole, Expiry<K> expiry,
            Clock clock) {
        this.role = role;
        this.minimumLifeMillis = Credentials.minimumLifeSeconds(presignValiditySeconds) * 1000L;
        this.assumeRole = assumeRole;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The current keys if they outlive a URL signed now, else {@code null}. */
    public K usable() {
        K keys = current;
        return keys != null && expiry.millis(keys) - clock.millis() >= minimumLifeMillis ? keys : null;
    }

    /** The current keys, renewed first when they would not outlive a URL signed now. */
    public K get(Deadline deadline) {
        K keys = usable();
        return keys != null ? keys : renew(deadline);
    }

    /** New keys from AssumeRole, refused if they would die before a URL signed now. */
    private K renew(Deadline deadline) {
        K fresh = assumeRole.call(role, deadline);
        long left = expiry.millis(fresh) - clock.millis();
        if (left < minimumLifeMillis) {
            throw new IllegalStateException("credentials for " + role.roleArn() + " expire in " + left / 1000
                    + " s, before URLs signed now would (they must last " + minimumLifeMillis / 1000 + " s)");
        }
        current = fresh;
        return fresh;
    }
}
