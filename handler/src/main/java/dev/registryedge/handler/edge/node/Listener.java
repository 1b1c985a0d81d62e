package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A callback without arguments (events such as {@code end}, timers). */
@JSFunctor
public interface Listener extends JSObject {
    void run();
}
