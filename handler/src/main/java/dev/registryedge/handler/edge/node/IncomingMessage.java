package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSMethod;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code http.IncomingMessage}: a response. */
public interface IncomingMessage extends JSObject {

    @JSProperty
    int getStatusCode();

    void setEncoding(String encoding);

    @JSMethod("on")
    void onData(String event, DataListener listener);

    @JSMethod("on")
    void onEnd(String event, Listener listener);

    @JSMethod("on")
    void onError(String event, ErrorListener listener);
}
