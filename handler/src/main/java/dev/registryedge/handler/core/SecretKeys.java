package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Credentials;

/**
 * The key pair of one Secrets Manager secret, for both builds: fetched when first needed, kept
 * for the source's {@code cacheSeconds} so that a busy instance asks rarely, and forgotten when
 * a store refuses it (the secret was rotated) so that the next request fetches it again. The
 * adapter supplies the GetSecretValue call.
 *
 * @param <K> the platform's type for a set of keys
 */
public final class SecretKeys<K> {

    /** One GetSecretValue call, ending by the deadline, read into keys; any failure is thrown. */
    public interface Fetch<K> {
        K call(Credentials source, Deadline deadline);
    }

    private final Credentials source;
    private final Fetch<K> fetch;
    private final Clock clock;
    private volatile K current;
    private volatile long fetchedAtMillis;

    public SecretKeys(Credentials source, Fetch<K> fetch, Clock clock) {
        this.source = source;
        this.fetch = fetch;
        this.clock = clock;
    }

    /** The kept keys while they are younger than {@code cacheSeconds}, else fresh ones. */
    public K get(Deadline deadline) {
        K keys = current;
        if (keys != null && clock.millis() - fetchedAtMillis < source.cacheSeconds() * 1000L) {
            return keys;
        }
        K fresh = fetch.call(source, deadline);
        fetchedAtMillis = clock.millis();
        current = fresh;
        return fresh;
    }

    /** A store refused these keys: the next request asks Secrets Manager again. */
    public void forget(K refused) {
        if (current == refused) {
            current = null;
        }
    }
}
