package dev.registryedge.it.bundle;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.edge.EdgeHandler;
import dev.registryedge.handler.edge.node.NodeProcess;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.S3Location;
import dev.registryedge.handler.sigv4.S3Presign;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The exports of the test bundle ({@code it/target/test-bundle/index.js}): {@code handler} as
 * deployed, but with the routing configuration named by {@value #ROUTING_VARIABLE}
 * ({@link TestRouting#named}), and {@code presign}, the bare presigner, to hold the JavaScript
 * build against the SDK.
 */
public final class TestFunction {

    static final String ROUTING_VARIABLE = "REGISTRY_EDGE_TEST_ROUTING";

    private static EdgeHandler handler;

    private TestFunction() {}

    @JSExport
    public static JSPromise<JSObject> handler(JSObject event, JSObject context) {
        return JSPromise.callAsync(() -> {
            if (handler == null) {
                handler = new EdgeHandler(EdgeHandler.nodeRouter(TestRouting.named(NodeProcess.getenv(ROUTING_VARIABLE)),
                        AwsRegionMap.map(), NodeProcess::getenv, Clock.SYSTEM));
            }
            return handler.handle(event);
        });
    }

    /** A presigned GET URL; {@code sessionToken} and {@code endpoint} may be empty strings. */
    @JSExport
    public static String presign(String accessKeyId, String secretAccessKey, String sessionToken, String region,
            String endpoint, boolean pathStyle, String bucket, String key, int expiresSeconds, double nowMillis) {
        AwsKeys keys = new AwsKeys(accessKeyId, secretAccessKey, sessionToken.isEmpty() ? null : sessionToken,
                Long.MAX_VALUE);
        return S3Presign.get(keys, region, S3Location.of(endpoint.isEmpty() ? null : endpoint, pathStyle, region, bucket,
                key), expiresSeconds, (long) nowMillis);
    }
}
