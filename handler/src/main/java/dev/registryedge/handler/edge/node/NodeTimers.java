package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSModule;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSTopLevel;

/** {@code require("node:timers")}. */
@JSClass
@JSModule("node:timers")
public final class NodeTimers implements JSObject {

    private NodeTimers() {}

    @JSTopLevel
    public static native JSObject setTimeout(Listener listener, int millis);

    @JSTopLevel
    public static native void clearTimeout(JSObject timer);
}
