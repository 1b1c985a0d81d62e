package dev.registryedge.handler.edge.node;

import org.teavm.jso.JSIndexer;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/**
 * Any JavaScript object, read and written by key. Values come back as {@link JSObject} and
 * are checked before use: a missing property is {@code undefined}, which is not Java's
 * {@code null} and would fail later inside string code.
 */
public interface JsRecord extends JSObject {

    @JSIndexer
    JSObject get(String key);

    @JSIndexer
    void set(String key, JSObject value);

    /** The value as a Java string, or {@code null} unless it is a JavaScript string. */
    static String text(JSObject value) {
        if (value == null || JSObjects.isUndefined(value) || !"string".equals(JSObjects.typeOf(value))) {
            return null;
        }
        return value.<JSString>cast().stringValue();
    }

    /** The value as a record, or {@code null} unless it is a non-null object. */
    static JsRecord record(JSObject value) {
        if (value == null || JSObjects.isUndefined(value) || !"object".equals(JSObjects.typeOf(value))) {
            return null;
        }
        return value.cast();
    }
}
