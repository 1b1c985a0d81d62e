package dev.registryedge.handler.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.standins.LoopbackServer;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsS3AccessTest {

    static final String KEY = "docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
    static final StaticCredentialsProvider STATIC = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTESTTESTTEST", "secret"));
    static final Route BUILD09 = new Route(new Target("build09", "build09-bucket", "us-east-2", null, false, false),
            Credentials.FUNCTION);
    static final Credentials ROLE = new Credentials("cross", "arn:aws:iam::123456789012:role/reader", "edge-test", 3600);
    static final Route REPLICA = new Route(new Target("replica", "replica-bucket", "us-west-2", null, false, true), ROLE);

    private final ManualClock clock = new ManualClock();

    private AwsS3Access access(StaticCredentialsProvider credentials, URI s3, URI sts) {
        return access(credentials, s3, sts, FixtureRouting.config());
    }

    private AwsS3Access access(StaticCredentialsProvider credentials, URI s3, URI sts, RoutingConfig routing) {
        return new AwsS3Access(new AwsSettings(credentials, S3Endpoints.parse(s3 == null ? null : s3.toString()), sts,
                routing, clock));
    }

    /** A request's deadline that far ahead on the real clock, which network calls run by. */
    private static Deadline within(int millis) {
        return Deadline.after(Clock.SYSTEM, millis);
    }

    /** The checked-in configuration with other time limits. */
    static RoutingConfig withLimits(S3Limits limits) {
        RoutingConfig config = FixtureRouting.config();
        return new RoutingConfig(config.presignValiditySeconds(), limits, config.existenceCache(),
                config.debugOverrides(), config.alwaysCloudFront(), config.distributions());
    }

    @Test
    void presignsForTheBucketsOwnRegionOnItsVirtualHost() {
        try (AwsS3Access s3 = access(STATIC, null, null)) {
            URI url = URI.create(s3.presignGet(BUILD09, KEY, 1200, within(1000)));
            assertEquals("build09-bucket.s3.us-east-2.amazonaws.com", url.getHost());
            assertEquals("/" + KEY, url.getPath());
            assertTrue(url.getQuery().contains("X-Amz-Credential=AKIDTESTTESTTEST/"), url.getQuery());
            assertTrue(url.getQuery().contains("/us-east-2/s3/aws4_request"), url.getQuery());
            assertTrue(url.getQuery().contains("X-Amz-Expires=1200"), url.getQuery());
            assertFalse(url.getQuery().contains("X-Amz-Security-Token"), url.getQuery());
        }
    }

    @Test
    void presignsPathStyleAgainstAnOverriddenEndpointWithTheSessionToken() {
        StaticCredentialsProvider session = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIATEST", "secret", "the-session-token"));
        try (AwsS3Access s3 = access(session, URI.create("http://127.0.0.1:9000"), null)) {
            URI url = URI.create(s3.presignGet(BUILD09, KEY, 60, within(1000)));
            assertEquals("127.0.0.1", url.getHost());
            assertEquals("/build09-bucket/" + KEY, url.getPath());
            assertTrue(url.getQuery().contains("X-Amz-Security-Token=the-session-token"), url.getQuery());
        }
    }

    @Test
    void headObjectAnswersAreReadAsPresentAbsentOrFailure() {
        try (LoopbackServer server = new LoopbackServer(exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.contains("present") ? 200 : path.contains("absent") ? 404
                    : path.contains("denied") ? 403 : 503;
            LoopbackServer.reply(exchange, status, "");
        }); AwsS3Access s3 = access(STATIC, server.uri(), null)) {
            assertTrue(s3.exists(BUILD09, "present", within(1000)));
            assertFalse(s3.exists(BUILD09, "absent", within(1000)));
            assertEquals(403, assertThrows(S3Exception.class, () -> s3.exists(BUILD09, "denied", within(1000))).statusCode());
            assertEquals(503, assertThrows(S3Exception.class, () -> s3.exists(BUILD09, "busy", within(1000))).statusCode());
            assertEquals(4, server.requests.size(), "no retries: " + server.requests);
            assertEquals("HEAD /build09-bucket/present", server.requests.get(0));
        }
    }

    @Test
    void aStalledHeadObjectGivesUpAtTheRequestsDeadline() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        // Accepts the request, reads it, and never answers. The client's own limits are 3 s, so
        // only the deadline can end the call in time.
        try (LoopbackServer server = new LoopbackServer(exchange -> awaitQuietly(hold));
                AwsS3Access s3 = access(STATIC, server.uri(), null, withLimits(new S3Limits(3000, 3000, 3000)))) {
            long started = System.nanoTime();
            assertThrows(SdkException.class, () -> s3.exists(BUILD09, "present", within(300)));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(millis < 1500, "gave up after " + millis + " ms");
        } finally {
            hold.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRefusedConnectionFailsFast() {
        try (AwsS3Access s3 = access(STATIC, URI.create("http://127.0.0.1:1"), null)) {
            assertThrows(SdkException.class, () -> s3.exists(BUILD09, "present", within(1000)));
        }
    }

    /** An STS stand-in speaking the AssumeRole query protocol; credentials last {@code life}. */
    private LoopbackServer sts(AtomicInteger calls, Duration life) {
        return new LoopbackServer(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            if (!body.contains("Action=AssumeRole") || !body.contains("RoleSessionName=edge-test")) {
                LoopbackServer.reply(exchange, 400, "unexpected request " + body);
                return;
            }
            int call = calls.incrementAndGet();
            Instant expiration = Instant.ofEpochMilli(clock.millis()).plus(life).truncatedTo(ChronoUnit.SECONDS);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            LoopbackServer.reply(exchange, 200, """
                    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <AssumeRoleResult>
                        <Credentials>
                          <AccessKeyId>ASIAROLE%d</AccessKeyId>
                          <SecretAccessKey>role-secret</SecretAccessKey>
                          <SessionToken>role-token-%d</SessionToken>
                          <Expiration>%s</Expiration>
                        </Credentials>
                        <AssumedRoleUser>
                          <AssumedRoleId>AROATEST:edge-test</AssumedRoleId>
                          <Arn>arn:aws:sts::123456789012:assumed-role/reader/edge-test</Arn>
                        </AssumedRoleUser>
                      </AssumeRoleResult>
                      <ResponseMetadata><RequestId>req-%d</RequestId></ResponseMetadata>
                    </AssumeRoleResponse>
                    """.formatted(call, call, expiration, call));
        });
    }

    @Test
    @DisplayName("role credentials are reused until they have less life left than a URL plus slack, then renewed")
    void assumedRoleCredentialsAreRenewedBeforeTheyWouldOutliveAUrl() {
        AtomicInteger calls = new AtomicInteger();
        try (LoopbackServer server = sts(calls, Duration.ofHours(1));
                AwsS3Access s3 = access(STATIC, null, server.uri())) {
            assertTrue(s3.presignGet(REPLICA, KEY, 1200, within(1000)).contains("X-Amz-Security-Token=role-token-1"));
            clock.advance(Duration.ofMinutes(35).toMillis()); // 25 min left: a 20-min URL plus 5 min slack
            assertTrue(s3.presignGet(REPLICA, KEY, 1200, within(1000)).contains("X-Amz-Security-Token=role-token-1"));
            assertEquals(1, calls.get());

            clock.advance(Duration.ofSeconds(1).toMillis()); // now less than that is left
            assertTrue(s3.presignGet(REPLICA, KEY, 1200, within(1000)).contains("X-Amz-Security-Token=role-token-2"));
            assertEquals(2, calls.get());
            assertTrue(server.requests.stream().allMatch(r -> r.equals("POST /")), server.requests.toString());
        }
    }

    @Test
    void credentialsThatWouldDieBeforeTheUrlAreNeverUsedToSign() {
        AtomicInteger calls = new AtomicInteger();
        try (LoopbackServer server = sts(calls, Duration.ofMinutes(10));
                AwsS3Access s3 = access(STATIC, null, server.uri())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> s3.presignGet(REPLICA, KEY, 1200, within(1000)));
            assertEquals("credentials for arn:aws:iam::123456789012:role/reader expire in 600 s, before URLs signed"
                    + " now would (they must last 1500 s)", refused.getMessage());
        }
    }

    @Test
    @DisplayName("a request waits for another's renewal of the same role only until its own deadline")
    void waitingForAnotherRequestsRenewalEndsAtTheDeadline() throws Exception {
        CountDownLatch stsCalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer(exchange -> {
            stsCalled.countDown();
            awaitQuietly(release); // AssumeRole never answers while the test runs
        }); AwsS3Access s3 = access(STATIC, null, server.uri())) {
            Thread renewing = new Thread(() -> {
                try {
                    s3.presignGet(REPLICA, KEY, 1200, within(3000));
                } catch (RuntimeException expected) {
                    // the stalled AssumeRole times out
                }
            });
            renewing.start();
            assertTrue(stsCalled.await(5, java.util.concurrent.TimeUnit.SECONDS));
            long started = System.nanoTime();
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> s3.presignGet(REPLICA, KEY, 1200, within(100)));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(late.getMessage().contains("being renewed by another request"), late.getMessage());
            assertTrue(millis < 600, "waited " + millis + " ms for another request's AssumeRole");
            release.countDown();
            renewing.join();
        } finally {
            release.countDown();
        }
    }
}
