package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Called with the response once its headers have arrived. */
@JSFunctor
public interface ResponseListener extends JSObject {
    void onResponse(IncomingMessage response);
}
