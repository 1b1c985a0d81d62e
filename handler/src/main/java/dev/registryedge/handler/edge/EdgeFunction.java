package dev.registryedge.handler.edge;

import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The module's one export: {@code handler(event, context)} for Lambda@Edge, returning a Promise
 * of the request (pass-through) or the 307 response. Keep {@code @JSExport} on this class alone:
 * TeaVM exports every reachable class that carries one, and nothing but the handler belongs in
 * the deployed bundle (the tests build a bundle of their own with more exports).
 */
public final class EdgeFunction {

    private static EdgeHandler handler;

    private EdgeFunction() {}

    @JSExport
    public static JSPromise<JSObject> handler(JSObject event, JSObject context) {
        return JSPromise.callAsync(() -> {
            if (handler == null) {
                handler = EdgeHandler.deployed();
            }
            return handler.handle(event);
        });
    }
}
