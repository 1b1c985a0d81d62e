package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSMethod;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code http.ClientRequest}. */
public interface ClientRequest extends JSObject {

    @JSMethod("on")
    void onError(String event, ErrorListener listener);

    @JSMethod("on")
    void onTimeout(String event, Listener listener);

    @JSMethod("on")
    void onSocket(String event, SocketListener listener);

    /** Whether the request went out on a kept-alive socket that served an earlier request. */
    @JSProperty
    boolean isReusedSocket();

    void end(String body);

    void destroy();
}
