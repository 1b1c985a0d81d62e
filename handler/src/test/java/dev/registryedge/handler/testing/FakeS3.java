package dev.registryedge.handler.testing;

import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.UrlSigner;
import dev.registryedge.ipmap.routing.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Buckets in memory. Signed URLs name the bucket, region and credentials so that tests can
 * assert which were used; a bucket can be made to fail instead of answering.
 *
 * <p>With a {@link ManualClock}, network calls take time as a real adapter's would: each HEAD,
 * and each AssumeRole for an assumed role made slow, is given {@link #CALL_LIMIT_MILLIS} cut to
 * the request's deadline, moves the clock by what it takes, and fails at its timeout when it
 * would take longer.
 */
public final class FakeS3 implements ObjectStore, UrlSigner {

    /** The per-call limit, as {@code s3.requestTimeoutMillis} of the checked-in configuration. */
    public static final int CALL_LIMIT_MILLIS = 1000;

    private final ManualClock clock;
    private final Map<String, Set<String>> objects = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Map<String, Long> headMillis = new HashMap<>();
    private final Map<String, Long> assumeRoleMillis = new HashMap<>();
    public final List<String> checks = new ArrayList<>();
    /** The timeout each network call was given, in order. */
    public final List<Integer> timeouts = new ArrayList<>();

    public FakeS3() {
        this(new ManualClock());
    }

    public FakeS3(ManualClock clock) {
        this.clock = clock;
    }

    public FakeS3 put(String bucket, String key) {
        objects.computeIfAbsent(bucket, b -> new HashSet<>()).add(key);
        return this;
    }

    public FakeS3 failing(String bucket, RuntimeException failure) {
        failures.put(bucket, failure);
        return this;
    }

    /** Every HEAD on the bucket takes this long. */
    public FakeS3 slowHead(String bucket, long millis) {
        headMillis.put(bucket, millis);
        return this;
    }

    /** Every use of these credentials first calls AssumeRole, which takes this long. */
    public FakeS3 slowAssumeRole(String credentials, long millis) {
        assumeRoleMillis.put(credentials, millis);
        return this;
    }

    private void networkCall(String what, long takes, Deadline deadline) {
        int timeout = deadline.cut(CALL_LIMIT_MILLIS);
        timeouts.add(timeout);
        if (takes > timeout) {
            clock.advance(timeout);
            throw new IllegalStateException(what + " timed out after " + timeout + " ms");
        }
        clock.advance(takes);
    }

    private void credentials(Route route, Deadline deadline) {
        Long takes = assumeRoleMillis.get(route.credentials().name());
        if (takes != null) {
            networkCall("AssumeRole " + route.credentials().name(), takes, deadline);
        }
    }

    @Override
    public boolean exists(Route route, String key, Deadline deadline) {
        String bucket = route.target().bucket();
        checks.add(bucket + " as " + route.credentials().name());
        credentials(route, deadline);
        networkCall("HeadObject " + bucket, headMillis.getOrDefault(bucket, 0L), deadline);
        if (failures.containsKey(bucket)) {
            throw failures.get(bucket);
        }
        return objects.getOrDefault(bucket, Set.of()).contains(key);
    }

    @Override
    public String presignGet(Route route, String key, int validitySeconds, Deadline deadline) {
        credentials(route, deadline);
        return "https://" + route.target().bucket() + ".s3." + route.target().region() + ".amazonaws.com/" + key
                + "?signed-by=" + route.credentials().name() + "&expires-in=" + validitySeconds;
    }
}
