package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSModule;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSTopLevel;

/** {@code require("node:https").request}. */
@JSClass
@JSModule("node:https")
public final class NodeHttps implements JSObject {

    private NodeHttps() {}

    @JSTopLevel
    public static native ClientRequest request(String url, RequestOptions options, ResponseListener listener);
}
