package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.EventTree;
import dev.registryedge.handler.edge.node.JsRecord;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/** Events as Lambda@Edge's Node.js runtime hands them over: plain JavaScript values. */
final class JsEventTree implements EventTree<JSObject> {

    static final JsEventTree INSTANCE = new JsEventTree();

    private JsEventTree() {}

    @JSBody(params = "value", script = "return Array.isArray(value);")
    private static native boolean isArray(JSObject value);

    @Override
    public JSObject member(JSObject node, String name) {
        if (!isObject(node)) {
            return null; // as on the JVM: an array has no members
        }
        return present(node.<JsRecord>cast().get(name));
    }

    private static JSObject present(JSObject value) {
        return value == null || JSObjects.isUndefined(value) ? null : value;
    }

    @Override
    public JSObject item(JSObject node, int index) {
        return node != null && isArray(node) ? present(node.<JsRecord>cast().get(Integer.toString(index))) : null;
    }

    @Override
    public String text(JSObject node) {
        return JsRecord.text(node);
    }

    @Override
    public boolean isObject(JSObject node) {
        return JsRecord.record(node) != null && !isArray(node);
    }

    @Override
    public JSObject newObject() {
        return JSObjects.create();
    }

    @Override
    public JSObject newArray() {
        return new JSArray<>();
    }

    @Override
    public JSObject string(String value) {
        return JSString.valueOf(value);
    }

    @Override
    public void put(JSObject object, String name, JSObject value) {
        object.<JsRecord>cast().set(name, value);
    }

    @Override
    public void add(JSObject array, JSObject value) {
        array.<JSArray<JSObject>>cast().push(value);
    }
}
