package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Credentials;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The key pair of one Secrets Manager secret, for both builds: fetched when first needed, kept
 * for the source's {@code cacheSeconds} so that a busy instance asks rarely, and forgotten when
 * a store refuses it (the secret was rotated) so that a later request fetches it again. One
 * fetch at a time: a request that finds another fetching uses the keys it has, or skips the
 * target. After a failed fetch, or a fetch that brings back the very keys the store refused,
 * nobody asks again for {@link #BACKOFF_MILLIS}, so an outage or a revoked key costs one call
 * every few seconds, not one per request. The adapter supplies the GetSecretValue call.
 *
 * @param <K> the platform's type for a set of keys; {@code equals} compares the key pair
 */
public final class SecretKeys<K> {

    /** How long a failed or useless fetch keeps the next one from being made. */
    public static final long BACKOFF_MILLIS = 5_000;

    /** One GetSecretValue call, ending by the deadline, read into keys; any failure is thrown. */
    public interface Fetch<K> {
        K call(Credentials source, Deadline deadline);
    }

    /** Everything kept, replaced as a whole so that readers never mix two states. */
    private record State<K>(K keys, long fetchedAtMillis, K refused, long quietUntilMillis) {}

    private final Credentials source;
    private final Fetch<K> fetch;
    private final Clock clock;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile State<K> state = new State<>(null, 0, null, 0);

    public SecretKeys(Credentials source, Fetch<K> fetch, Clock clock) {
        this.source = source;
        this.fetch = fetch;
        this.clock = clock;
    }

    /** The kept keys while they are younger than {@code cacheSeconds}, else fresh ones. */
    public K get(Deadline deadline) {
        State<K> now = state;
        long millis = clock.millis();
        boolean fresh = now.keys() != null && millis - now.fetchedAtMillis() < source.cacheSeconds() * 1000L;
        if (fresh) {
            return now.keys();
        }
        if (millis < now.quietUntilMillis() || !fetching.compareAndSet(false, true)) {
            if (now.keys() != null) {
                return now.keys(); // older than cacheSeconds, but the best there is until a fetch succeeds
            }
            throw new IllegalStateException("no keys for " + source.name() + " yet: Secrets Manager "
                    + (millis < now.quietUntilMillis() ? "failed moments ago" : "is being asked by another request"));
        }
        try {
            K fetched = fetch.call(source, deadline);
            if (fetched.equals(now.refused())) {
                state = new State<>(null, 0, now.refused(), clock.millis() + BACKOFF_MILLIS);
                throw new IllegalStateException("the secret " + source.name() + " still holds the keys the store"
                        + " refused");
            }
            state = new State<>(fetched, clock.millis(), null, 0);
            return fetched;
        } catch (RuntimeException | Error failed) {
            State<K> after = state;
            if (after.quietUntilMillis() <= clock.millis()) {
                state = new State<>(after.keys(), after.fetchedAtMillis(), after.refused(),
                        clock.millis() + BACKOFF_MILLIS);
            }
            throw failed;
        } finally {
            fetching.set(false);
        }
    }

    /** A store refused these keys: they are dropped, and a later request asks Secrets Manager again. */
    public void forget(K refused) {
        State<K> now = state;
        if (refused.equals(now.keys())) {
            state = new State<>(null, 0, refused, now.quietUntilMillis());
        }
    }
}
