package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.ipmap.routing.Credentials;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static final Credentials SOURCE = Credentials.fromSecret("r2",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:r2-AbCdEf", 3600);

    @Test
    void keysAreKeptForCacheSecondsThenFetchedAgain() {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        SecretKeys<String> keys = new SecretKeys<>(SOURCE, (source, deadline) -> "keys-" + calls.incrementAndGet(),
                clock);
        Deadline deadline = Deadline.after(clock, 2000);
        assertEquals("keys-1", keys.get(deadline));
        clock.advance(3_599_000);
        assertEquals("keys-1", keys.get(deadline));
        clock.advance(1_000);
        assertEquals("keys-2", keys.get(deadline));
        assertEquals(2, calls.get());
    }

    @Test
    void refusedKeysAreForgottenOnceAndAFailedFetchIsThrown() {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        SecretKeys<String> keys = new SecretKeys<>(SOURCE, (source, deadline) -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("Secrets Manager is down");
            }
            return "keys-" + calls.get();
        }, clock);
        Deadline deadline = Deadline.after(clock, 2000);
        String first = keys.get(deadline);
        keys.forget("some older keys");
        assertSame(first, keys.get(deadline), "only the keys that were refused are forgotten");
        keys.forget(first);
        String second = keys.get(deadline);
        assertEquals("keys-2", second);
        keys.forget(second);
        assertThrows(IllegalStateException.class, () -> keys.get(deadline));
        IllegalStateException quiet = assertThrows(IllegalStateException.class, () -> keys.get(deadline));
        assertTrue(quiet.getMessage().contains("failed moments ago"), quiet.getMessage());
        assertEquals(3, calls.get(), "no second call during the back-off");
        clock.advance(SecretKeys.BACKOFF_MILLIS);
        assertEquals("keys-4", keys.get(deadline));
    }

    @Test
    void aSecretStillHoldingRefusedKeysIsNotAskedAgainAtOnce() {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        SecretKeys<String> keys = new SecretKeys<>(SOURCE, (source, deadline) -> {
            calls.incrementAndGet();
            return "the same pair";
        }, clock);
        Deadline deadline = Deadline.after(clock, 2000);
        keys.forget(keys.get(deadline));
        assertThrows(IllegalStateException.class, () -> keys.get(deadline), "the store refused what the secret holds");
        assertThrows(IllegalStateException.class, () -> keys.get(deadline));
        assertEquals(2, calls.get(), "one call per back-off, not one per request");
    }

    @Test
    void theSecretsJsonIsReadAndProblemsNeverQuoteIt() {
        String answer = "{\"ARN\":\"arn\",\"Name\":\"r2\",\"SecretString\":\"{\\\"accessKeyId\\\":\\\"AKR2\\\","
                + "\\\"secretAccessKey\\\":\\\"s3cr\\\\u0065t\\\\/x\\\"}\",\"VersionStages\":[\"AWSCURRENT\"],"
                + "\"CreatedDate\":1.7E9}";
        assertEquals(new SecretJson.KeyPair("AKR2", "s3cret/x"), SecretJson.keyPair(answer));
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> SecretJson.keyPairOf("{\"access_key\":\"AKR2\",\"secret\":\"hunter2\"}"));
        assertTrue(!wrong.getMessage().contains("hunter2"), wrong.getMessage());
        assertThrows(IllegalStateException.class, () -> SecretJson.keyPair("<html>not json</html>"));
        assertThrows(IllegalStateException.class, () -> SecretJson.keyPair("{\"SecretString\":\"{\\\"a"));
        IllegalStateException badEscape = assertThrows(IllegalStateException.class,
                () -> SecretJson.keyPairOf("{\"accessKeyId\":\"AK\",\"secretAccessKey\":\"ab\\uk3Y9rest\"}"));
        assertTrue(!badEscape.getMessage().contains("k3Y9"), badEscape.getMessage());
        assertTrue(!new SecretJson.KeyPair("AK", "hunter2").toString().contains("hunter2"));
        assertEquals("ResourceNotFoundException", SecretJson.errorType(
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"x\"}"));
        assertEquals("(not a JSON error)", SecretJson.errorType("{\"__type\":"));
    }

    @Test
    void keysLongerThanAnAccessKeyIdMayBeAreRefusedWithoutQuotingThem() {
        String sentinel = "SENTINEL" + "k".repeat(100_000);
        for (String secret : new String[] {
            "{\"accessKeyId\":\"" + sentinel + "\",\"secretAccessKey\":\"s3cret\"}",
            "{\"accessKeyId\":\"AKIDR2EXAMPLE000\",\"secretAccessKey\":\"" + sentinel + "\"}"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SecretJson.keyPairOf(secret));
            assertTrue(refused.getMessage().endsWith("is longer than 128, AWS's limit for an access key id"),
                    refused.getMessage());
            assertTrue(!refused.getMessage().contains("SENTINEL") && !refused.getMessage().contains("s3cret"),
                    "the message quotes the secret");
        }
        String longest = "A".repeat(SecretJson.MAX_KEY_CHARS);
        assertEquals(longest, SecretJson.keyPairOf("{\"accessKeyId\":\"" + longest + "\",\"secretAccessKey\":\""
                + longest + "\"}").accessKeyId());
    }

    @Test
    @DisplayName("after cacheSeconds a failed fetch keeps the old keys in use for the back-off, then asks again")
    void theBackOffKeepsStaleKeysRatherThanNone() {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        SecretKeys<String> keys = new SecretKeys<>(SOURCE, (source, deadline) -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("Secrets Manager is down");
            }
            return "keys-" + calls.get();
        }, clock);
        Deadline deadline = Deadline.after(clock, 2000);
        assertEquals("keys-1", keys.get(deadline));
        clock.advance(3_600_000);
        assertThrows(IllegalStateException.class, () -> keys.get(deadline), "the request that asked sees the failure");
        assertEquals("keys-1", keys.get(deadline), "during the back-off, the stale keys are better than none");
        clock.advance(SecretKeys.BACKOFF_MILLIS - 1);
        assertEquals("keys-1", keys.get(deadline));
        assertEquals(2, calls.get(), "no call during the back-off");
        clock.advance(1);
        assertEquals("keys-3", keys.get(deadline));
    }

    @Test
    @DisplayName("one fetch at a time: callers meanwhile use the keys there are, or are told another request is asking")
    void concurrentCallersNeverFetchTwice() throws Exception {
        ManualClock clock = new ManualClock();
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.CountDownLatch inFetch = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SecretKeys<String> keys = new SecretKeys<>(SOURCE, (source, deadline) -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                inFetch.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "keys-" + call;
        }, clock);
        Deadline deadline = Deadline.after(clock, 2000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Future<String> first = pool.submit(() -> keys.get(deadline));
            inFetch.await();
            java.util.List<java.util.concurrent.Future<Object>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> {
                    try {
                        return keys.get(deadline);
                    } catch (IllegalStateException busy) {
                        return busy;
                    }
                }));
            }
            for (java.util.concurrent.Future<Object> other : others) {
                Object result = other.get();
                assertTrue(result instanceof IllegalStateException e
                        && e.getMessage().contains("is being asked by another request"), String.valueOf(result));
            }
            release.countDown();
            assertEquals("keys-1", first.get());
            assertEquals(1, calls.get(), "the callers during the fetch asked nobody");
            assertEquals("keys-1", keys.get(deadline));
        } finally {
            pool.shutdownNow();
        }
    }
}
