package dev.registryedge.handler.edge;

import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.S3Location;
import dev.registryedge.handler.sigv4.S3Presign;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The module's exports: {@code handler(event, context)} for Lambda@Edge, returning a Promise of
 * the request (pass-through) or the 307 response; and {@code presign(...)}, the bare presigner,
 * so tests can hold the JavaScript build against the SDK. Keep {@code @JSExport} on this class
 * alone: TeaVM exports every reachable class that carries one.
 */
public final class EdgeFunction {

    private EdgeFunction() {}

    @JSExport
    public static JSPromise<JSObject> handler(JSObject event, JSObject context) {
        return JSPromise.callAsync(() -> EdgeHandler.handle(event));
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
