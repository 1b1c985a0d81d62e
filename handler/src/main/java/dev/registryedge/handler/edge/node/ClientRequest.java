package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSMethod;
import org.teavm.jso.JSObject;

/** {@code http.ClientRequest}. */
public interface ClientRequest extends JSObject {

    @JSMethod("on")
    void onError(String event, ErrorListener listener);

    @JSMethod("on")
    void onTimeout(String event, Listener listener);

    void end(String body);

    void destroy();
}
