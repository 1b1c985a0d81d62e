package dev.registryedge.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped files themselves, not a fixture: the worked examples of docs/configuration.md
 * route as written with the map built from data/ip-ranges.json and the configuration in
 * data/routing.json. (Every other test of the function runs on src/test/resources/fixture.)
 * A refresh that moves one of these addresses to another region fails here, and the docs'
 * table needs the same change.
 */
class ShippedWorkedExamplesTest {

    static final String BLOB = "/docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";

    static final String MANIFEST = "/docker/registry/v2/repositories/ocp/4.11/_manifests/tags/latest/current/link";

    @ParameterizedTest(name = "{5} from {0} via {1}, in replica: {2}, {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            52.22.255.189     | E2KP8SMSY4XB67 | false | containers/5.29 | ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix | GET
            52.22.255.189     | E2PBG0JIU6CTJY | false | containers/5.29 | build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi | GET
            3.12.0.1          | E2PBG0JIU6CTJY | true  | containers/5.29 | us-east-2-replica-of-ci-dv2np-image-registry-us-east-1 | GET
            3.12.0.1          | E2PBG0JIU6CTJY | false | containers/5.29 | build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi | GET
            35.80.0.1         | E2KP8SMSY4XB67 | true  | containers/5.29 | us-west-2-replica-of-ci-dv2np-image-registry-us-east-1 | GET
            35.80.0.1         | E2KP8SMSY4XB67 | false | containers/5.29 | - | GET
            8.8.8.8           | E2KP8SMSY4XB67 | true  | containers/5.29 | - | GET
            108.156.178.3     | E2KP8SMSY4XB67 | true  | containers/5.29 | - | GET
            3.5.140.10        | E2KP8SMSY4XB67 | true  | containers/5.29 | - | GET
            2600:1f18:4000::1 | E2KP8SMSY4XB67 | false | containers/5.29 | ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix | GET
            52.22.255.189     | E2B105Z8OCWZSC | false | containers/5.29 | build09-x99t2-image-registry-us-east-2-vdprrtegoqcavvotayumroy | GET
            169.59.196.161    | E2KP8SMSY4XB67 | true  | containers/5.29 | - | GET
            52.22.255.189     | E2KP8SMSY4XB67 | true  | debugregistry/cloudfront | - | GET
            8.8.8.8           | E2KP8SMSY4XB67 | true  | debugregistry/us-west-2  | us-west-2-replica-of-ci-dv2np-image-registry-us-east-1 | GET
            8.8.8.8           | E1Q1256FT1FBYD | true  | debugregistry/local      | build01-9hdwj-image-registry-us-east-1-nucqrmelsxtgndkbvchwdkw | GET
            52.22.255.189     | EUNKNOWN000000 | true  | containers/5.29 | - | GET
            52.22.255.189     | E2KP8SMSY4XB67 | false | containers/5.29 | -                                                              | HEAD
            52.22.255.189     | E2KP8SMSY4XB67 | false | containers/5.29 | -                                                              | MANIFEST
            """)
    void theDocumentedExampleRoutesAsWritten(String client, String distribution, boolean inReplica, String userAgent,
            String expectedBucket, String request) {
        ManualClock clock = new ManualClock();
        FakeS3 s3 = new FakeS3(clock);
        if (inReplica) {
            RoutingTable.config().distributions().values().forEach(d -> d.routes().values().forEach(routes ->
                    routes.forEach(route -> s3.put(route.target().bucket(), BLOB.substring(1)))));
        }
        Router router = new Router(RoutingTable.config(), AwsRegionMap.map(), s3, s3, clock, new RecordingLog());
        Decision decision = router.decide(new ViewerRequest(distribution, client, request.equals("HEAD") ? "HEAD" : "GET",
                request.equals("MANIFEST") ? MANIFEST : BLOB, userAgent));
        assertEquals(expectedBucket, decision.target() == null ? null : decision.target().bucket(), decision.toString());
    }
}
