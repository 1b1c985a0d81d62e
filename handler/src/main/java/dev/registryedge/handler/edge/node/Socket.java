package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSMethod;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code net.Socket}, as far as connection set-up goes. */
public interface Socket extends JSObject {

    /** True until the TCP connection is established; false on a socket reused from the pool. */
    @JSProperty
    boolean isConnecting();

    @JSMethod("once")
    void onceConnect(String event, Listener listener);
}
