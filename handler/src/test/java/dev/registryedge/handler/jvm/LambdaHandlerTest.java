package dev.registryedge.handler.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.Events;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Lambda entry point on the sample events and on broken ones. */
class LambdaHandlerTest {

    static final String KEY = "docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";

    final FakeS3 s3 = new FakeS3().put("us-west-2-replica-of-ci-dv2np-image-registry-us-east-1", KEY);
    final RecordingLog log = new RecordingLog();
    final LambdaHandler handler = new LambdaHandler(
            new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, s3, new ManualClock(), log));

    @ParameterizedTest
    @CsvSource({
        "appci-us-east-1-blob, ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix, us-east-1",
        "appci-ipv6-us-east-1-blob, ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix, us-east-1",
        "build03-us-east-1-blob, build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi, us-east-1",
        "appci-us-west-2-blob, us-west-2-replica-of-ci-dv2np-image-registry-us-east-1, us-west-2",
        "appci-debug-us-west-2, us-west-2-replica-of-ci-dv2np-image-registry-us-east-1, us-west-2",
        "build01-debug-local, build01-9hdwj-image-registry-us-east-1-nucqrmelsxtgndkbvchwdkw, us-east-1",
    })
    void sampleEventsThatRedirect(String event, String bucket, String region) {
        Map<String, Object> response = handler.handleRequest(Events.load(event), null);

        assertEquals("307", response.get("status"));
        assertEquals("CostManagementRedirect", response.get("statusDescription"));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, String>>> headers = (Map<String, List<Map<String, String>>>) response.get("headers");
        assertEquals("https://" + bucket + ".s3." + region + ".amazonaws.com/" + KEY + "?signed-by=function&expires-in=1200",
                headers.get("location").get(0).get("value"));
        assertEquals("Location", headers.get("location").get(0).get("key"));
        assertEquals(List.of(Map.of("key", "Cache-Control", "value", "no-store")), headers.get("cache-control"));
        assertTrue(Events.toJson(response).getBytes(StandardCharsets.UTF_8).length < 40 * 1024,
                "CloudFront limits generated viewer-request responses to 40 KB");
        // CloudFront's request id, which the sample events carry as r-<name>, is in the decision line.
        assertTrue(log.decisions.get(0).startsWith("{\"_aws\":") && log.decisions.get(0)
                .contains(",\"requestId\":\"r-" + event + "\","), log.decisions.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"appci-debug-cloudfront", "appci-head-blob", "appci-internet-blob", "appci-manifest",
        "unknown-distribution-blob"})
    void sampleEventsThatPassThroughReturnTheRequestItself(String name) {
        Map<String, Object> event = Events.load(name);
        String before = Events.toJson(event);

        Map<String, Object> result = handler.handleRequest(event, null);

        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((List<Object>) event.get("Records")).get(0)).get("cf")).get("request");
        assertSame(sent, result);
        assertEquals(before, Events.toJson(event), "the request is returned unchanged");
        assertTrue(((String) result.get("querystring")).startsWith("Expires="), "CloudFront's signature survives");
    }

    /** Events CloudFront would never send, each with the result expected, written out here. */
    static List<org.junit.jupiter.params.provider.Arguments> malformedEvents() {
        String blobRequest = "{\"clientIp\": \"52.22.255.189\", \"method\": \"GET\", \"uri\": \"BLOB\"}"
                .replace("BLOB", "/" + KEY);
        String listIp = "{\"clientIp\": [\"52.22.255.189\"], \"method\": \"GET\","
                + " \"headers\": {\"user-agent\": \"debugregistry/local\"}}";
        String emptyAgent = "{\"clientIp\": \"52.22.255.189\", \"method\": \"GET\", \"uri\": \"/" + KEY + "\","
                + " \"headers\": {\"user-agent\": [{}]}}";
        String viewer = "{\"distributionId\": \"E2KP8SMSY4XB67\", \"eventType\": \"viewer-request\"}";
        String response = "{\"status\": \"200\", \"statusDescription\": \"OK\", \"headers\": {}}";
        return List.of(
                // No request at all: nothing to hand back.
                org.junit.jupiter.params.provider.Arguments.of("{}", "{}"),
                org.junit.jupiter.params.provider.Arguments.of("{\"Records\": []}", "{}"),
                org.junit.jupiter.params.provider.Arguments.of("{\"Records\": [null]}", "{}"),
                org.junit.jupiter.params.provider.Arguments.of("{\"Records\": \"x\"}", "{}"),
                org.junit.jupiter.params.provider.Arguments.of("{\"Records\": [{\"cf\": {}}]}", "{}"),
                // A request: it comes back as it was.
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"config\": 5, \"request\": {\"uri\": 7}}}]}", "{\"uri\": 7}"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"request\": " + blobRequest + "}}]}", blobRequest),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"config\": " + viewer + ", \"request\": " + listIp + "}}]}", listIp),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"config\": {\"distributionId\": \"E2KP8SMSY4XB67\"}, \"request\": "
                                + emptyAgent + "}}]}", emptyAgent),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"config\": " + viewer.replace("viewer-request", "origin-request")
                                + ", \"request\": " + blobRequest + "}}]}", blobRequest),
                // A response trigger: its response goes back, not the request.
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"Records\": [{\"cf\": {\"config\": " + viewer.replace("viewer-request", "viewer-response")
                                + ", \"request\": " + blobRequest + ", \"response\": " + response + "}}]}", response));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("malformedEvents")
    void malformedEventsNeverRedirectAndNeverThrow(String json, String expected) {
        Map<String, Object> result = handler.handleRequest(Events.parse(json), null);
        assertEquals(Events.parse(expected), result);
    }

    @Test
    void aMissingEventIsHandledToo() {
        assertEquals(Map.of(), handler.handleRequest(null, null));
    }
}
