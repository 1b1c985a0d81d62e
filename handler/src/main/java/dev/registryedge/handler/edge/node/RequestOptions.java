package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The options object of {@code http.request}. */
public interface RequestOptions extends JSObject {

    @JSProperty
    void setMethod(String method);

    @JSProperty
    void setHeaders(JsRecord headers);

    /** {@code false}: a connection of its own, outside the keep-alive pool. */
    @JSProperty
    void setAgent(boolean agent);

    /** Socket inactivity limit, connection included. */
    @JSProperty
    void setTimeout(int millis);
}
