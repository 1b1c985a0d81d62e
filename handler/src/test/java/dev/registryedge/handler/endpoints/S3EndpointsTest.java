package dev.registryedge.handler.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registryedge.ipmap.routing.Target;
import org.junit.jupiter.api.Test;

class S3EndpointsTest {

    @Test
    void oneUrlServesEveryRegion() {
        assertEquals("http://127.0.0.1:9000", S3Endpoints.parse("http://127.0.0.1:9000").forRegion("us-west-2"));
    }

    @Test
    void perRegionUrlsServeOnlyTheirRegion() {
        S3Endpoints endpoints = S3Endpoints.parse("us-east-1=http://127.0.0.1:9001, us-west-2=http://127.0.0.1:9002");
        assertEquals("http://127.0.0.1:9001", endpoints.forRegion("us-east-1"));
        assertEquals("http://127.0.0.1:9002", endpoints.forRegion("us-west-2"));
        assertNull(endpoints.forRegion("us-east-2"));
    }

    @Test
    void nothingMeansAws() {
        assertNull(S3Endpoints.parse(null).forRegion("us-east-1"));
        assertNull(S3Endpoints.parse("").forRegion("us-east-1"));
    }

    @Test
    void aMalformedEntryIsNamed() {
        assertEquals("'http://x' is not region=URL", assertThrows(IllegalArgumentException.class,
                () -> S3Endpoints.parse("us-east-1=http://a,http://x")).getMessage());
    }

    @Test
    void aTargetsOwnEndpointWinsThenTheRegionsOverrideAlwaysPathStyleThenAws() {
        S3Endpoints overrides = S3Endpoints.parse("us-west-2=http://127.0.0.1:9002");
        Target r2 = new Target("r2", "cache", "auto", "https://account.r2.example.com", false, true);
        Target replica = new Target("replica", "replica-bucket", "us-west-2", null, false, true);
        Target farm = new Target("farm", "farm-bucket", "us-east-1", null, false, false);
        Target dotted = new Target("dotted", "farm.bucket", "us-east-1", null, true, false);

        assertEquals(new S3Endpoints.Endpoint("https://account.r2.example.com", false), overrides.of(r2));
        assertEquals(new S3Endpoints.Endpoint("http://127.0.0.1:9002", true), overrides.of(replica));
        assertEquals(new S3Endpoints.Endpoint(null, false), overrides.of(farm));
        assertEquals(new S3Endpoints.Endpoint(null, true), overrides.of(dotted));
        assertEquals(new S3Endpoints.Endpoint(null, false), S3Endpoints.NONE.of(replica));
    }
}
