package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.JSTopLevel;

/** The global {@code process}, for its environment. */
@JSClass
@JSTopLevel
public final class NodeProcess implements JSObject {

    private NodeProcess() {}

    @JSProperty
    private static native ProcessObject getProcess();

    private interface ProcessObject extends JSObject {
        @JSProperty
        JsRecord getEnv();
    }

    /** An environment variable, or {@code null} when it is not set. */
    public static String getenv(String name) {
        return JsRecord.text(getProcess().getEnv().get(name));
    }
}
