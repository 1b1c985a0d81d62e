package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSError;

/** Called with a Node error (connection refused, DNS failure, reset). */
@JSFunctor
public interface ErrorListener extends JSObject {
    void onError(JSError error);
}
