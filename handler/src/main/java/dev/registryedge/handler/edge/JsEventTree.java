package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.EventTree;
import dev.registryedge.handler.core.Redirect;
import dev.registryedge.handler.edge.node.JsRecord;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/** Events as Lambda@Edge's Node.js runtime hands them over: plain JavaScript values. */
final class JsEventTree implements EventTree<JSObject> {

    static final JsEventTree INSTANCE = new JsEventTree();

    private JsEventTree() {}

    // One call into JavaScript per step: on every request these run a dozen times.
    @JSBody(params = {"node", "name"}, script = "if (node === null || typeof node !== 'object'"
            + " || Array.isArray(node)) return null; const value = node[name];"
            + " return value === undefined ? null : value;")
    private static native JSObject memberOf(JSObject node, String name);

    @JSBody(params = {"node", "index"}, script = "if (!Array.isArray(node)) return null; const value = node[index];"
            + " return value === undefined ? null : value;")
    private static native JSObject itemOf(JSObject node, int index);

    @JSBody(params = "node", script = "return node !== null && typeof node === 'object' && !Array.isArray(node);")
    private static native boolean objectNotArray(JSObject node);

    @Override
    public JSObject member(JSObject node, String name) {
        return node == null ? null : memberOf(node, name);
    }

    @Override
    public JSObject item(JSObject node, int index) {
        return node == null ? null : itemOf(node, index);
    }

    @Override
    public String text(JSObject node) {
        return JsRecord.text(node);
    }

    @Override
    public boolean isObject(JSObject node) {
        return node != null && objectNotArray(node);
    }

    @Override
    public JSObject newObject() {
        return JSObjects.create();
    }

    @Override
    public JSObject response(String status, String statusDescription, List<Redirect.Header> headers) {
        JsRecord byName = JSObjects.create();
        for (Redirect.Header header : headers) {
            JsRecord entry = JSObjects.create();
            entry.set("key", JSString.valueOf(header.key()));
            entry.set("value", JSString.valueOf(header.value()));
            JSArray<JSObject> values = new JSArray<>();
            values.push(entry);
            byName.set(header.name(), values);
        }
        JsRecord response = JSObjects.create();
        response.set("status", JSString.valueOf(status));
        response.set("statusDescription", JSString.valueOf(statusDescription));
        response.set("headers", byName);
        return response;
    }
}
