package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Called when a request is given its socket. */
@JSFunctor
public interface SocketListener extends JSObject {
    void onSocket(Socket socket);
}
