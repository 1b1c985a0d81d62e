package dev.registryedge.handler.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
