package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSModule;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSTopLevel;

/** {@code require("node:http").request}, for plain-HTTP endpoints such as a local S3 API. */
@JSClass
@JSModule("node:http")
public final class NodeHttp implements JSObject {

    private NodeHttp() {}

    @JSTopLevel
    public static native ClientRequest request(String url, RequestOptions options, ResponseListener listener);
}
