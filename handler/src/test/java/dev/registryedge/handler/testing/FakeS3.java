package dev.registryedge.handler.testing;

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
 */
public final class FakeS3 implements ObjectStore, UrlSigner {

    private final Map<String, Set<String>> objects = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    public final List<String> checks = new ArrayList<>();
    public final List<Integer> timeouts = new ArrayList<>();

    public FakeS3 put(String bucket, String key) {
        objects.computeIfAbsent(bucket, b -> new HashSet<>()).add(key);
        return this;
    }

    public FakeS3 failing(String bucket, RuntimeException failure) {
        failures.put(bucket, failure);
        return this;
    }

    @Override
    public boolean exists(Route route, String key, int timeoutMillis) {
        String bucket = route.target().bucket();
        checks.add(bucket + " as " + route.credentials().name());
        timeouts.add(timeoutMillis);
        if (failures.containsKey(bucket)) {
            throw failures.get(bucket);
        }
        return objects.getOrDefault(bucket, Set.of()).contains(key);
    }

    @Override
    public String presignGet(Route route, String key, int validitySeconds) {
        return "https://" + route.target().bucket() + ".s3." + route.target().region() + ".amazonaws.com/" + key
                + "?signed-by=" + route.credentials().name() + "&expires-in=" + validitySeconds;
    }
}
