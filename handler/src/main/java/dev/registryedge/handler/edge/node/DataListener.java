package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSString;

/** Called with each chunk of a body read as text. */
@JSFunctor
public interface DataListener extends JSObject {
    void onData(JSString chunk);
}
