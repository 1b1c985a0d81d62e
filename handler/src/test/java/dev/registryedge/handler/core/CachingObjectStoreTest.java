package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.Target;
import org.junit.jupiter.api.Test;

class CachingObjectStoreTest {

    static final Route REPLICA = new Route(new Target("replica", "replica-bucket", "us-west-2", null, false, true),
            Credentials.FUNCTION);

    final FakeS3 s3 = new FakeS3();
    final ManualClock clock = new ManualClock();
    final Deadline deadline = Deadline.after(clock, Integer.MAX_VALUE);

    @Test
    void withNoEntriesAllowedEveryCheckIsAskedAndAnsweredAsTheStoreAnswers() throws Exception {
        CachingObjectStore off = new CachingObjectStore(s3, clock, new CacheLimits(0, 30));
        assertFalse(off.exists(REPLICA, "k", deadline));
        s3.put("replica-bucket", "k");
        assertTrue(off.exists(REPLICA, "k", deadline));
        assertTrue(off.exists(REPLICA, "k", deadline));
        assertEquals(3, s3.checks.size(), "0 turns the cache off");
    }

    @Test
    void presentIsRememberedForGood() throws Exception {
        CachingObjectStore cache = new CachingObjectStore(s3, clock, new CacheLimits(100, 30));
        s3.put("replica-bucket", "k");
        assertTrue(cache.exists(REPLICA, "k", deadline));
        clock.advance(86_400_000L);
        assertTrue(cache.exists(REPLICA, "k", deadline));
        assertEquals(1, s3.checks.size());
    }

    @Test
    void absentIsTrustedOnlyForItsTimeThenAskedAgain() throws Exception {
        CachingObjectStore cache = new CachingObjectStore(s3, clock, new CacheLimits(100, 30));
        assertFalse(cache.exists(REPLICA, "k", deadline));
        s3.put("replica-bucket", "k"); // replication arrives
        clock.advance(29_999);
        assertFalse(cache.exists(REPLICA, "k", deadline), "still within the absent TTL");
        assertEquals(1, s3.checks.size());
        clock.advance(1);
        assertTrue(cache.exists(REPLICA, "k", deadline));
        assertEquals(2, s3.checks.size());
    }

    @Test
    void failuresAreNotRemembered() {
        CachingObjectStore cache = new CachingObjectStore(s3, clock, new CacheLimits(100, 30));
        s3.failing("replica-bucket", new IllegalStateException("timeout"));
        assertThrows(IllegalStateException.class, () -> cache.exists(REPLICA, "k", deadline));
        assertThrows(IllegalStateException.class, () -> cache.exists(REPLICA, "k", deadline));
        assertEquals(2, s3.checks.size());
        assertEquals(0, cache.size());
    }

    @Test
    void holdsAtMostMaxEntriesDroppingTheLeastRecentlyUsed() throws Exception {
        CachingObjectStore cache = new CachingObjectStore(s3, clock, new CacheLimits(3, 30));
        for (String key : new String[] {"a", "b", "c"}) {
            s3.put("replica-bucket", key);
            cache.exists(REPLICA, key, deadline);
        }
        cache.exists(REPLICA, "a", deadline); // a is now the most recently used
        cache.exists(REPLICA, "d", deadline); // evicts b
        assertEquals(3, cache.size());
        int before = s3.checks.size();
        cache.exists(REPLICA, "a", deadline);
        assertEquals(before, s3.checks.size(), "a stayed");
        cache.exists(REPLICA, "b", deadline);
        assertEquals(before + 1, s3.checks.size(), "b was dropped");
    }

    @Test
    void zeroEntriesTurnsCachingOff() throws Exception {
        CachingObjectStore cache = new CachingObjectStore(s3, clock, new CacheLimits(0, 30));
        s3.put("replica-bucket", "k");
        cache.exists(REPLICA, "k", deadline);
        cache.exists(REPLICA, "k", deadline);
        assertEquals(2, s3.checks.size());
    }
}
