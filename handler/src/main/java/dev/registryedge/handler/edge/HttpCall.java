package dev.registryedge.handler.edge;

import dev.registryedge.handler.edge.node.ClientRequest;
import dev.registryedge.handler.edge.node.IncomingMessage;
import dev.registryedge.handler.edge.node.JsRecord;
import dev.registryedge.handler.edge.node.NodeHttp;
import dev.registryedge.handler.edge.node.NodeHttps;
import dev.registryedge.handler.edge.node.NodeTimers;
import dev.registryedge.handler.edge.node.RequestOptions;
import dev.registryedge.handler.sigv4.SignedRequest;
import java.util.List;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/**
 * One HTTP exchange over Node's {@code http}/{@code https}, written as a blocking call: TeaVM
 * suspends the calling green thread until Node answers, so the routing core stays synchronous.
 */
final class HttpCall {

    /** Status and body text of an answer. */
    record Answer(int status, String body) {}

    private HttpCall() {}

    /**
     * @throws RuntimeException on connection errors and when no full answer came within
     *     {@code timeoutMillis}; its message says which
     */
    @Async
    static native Answer send(String method, String url, List<SignedRequest.Header> headers, String body,
            int timeoutMillis);

    private static void send(String method, String url, List<SignedRequest.Header> headers, String body,
            int timeoutMillis, AsyncCallback<Answer> callback) {
        Outcome outcome = new Outcome(callback);
        JsRecord headerObject = JSObjects.create();
        for (SignedRequest.Header header : headers) {
            headerObject.set(header.name(), JSString.valueOf(header.value()));
        }
        RequestOptions options = JSObjects.create();
        options.setMethod(method);
        options.setHeaders(headerObject);
        options.setTimeout(timeoutMillis);
        ClientRequest request = url.startsWith("https:") ? NodeHttps.request(url, options, outcome::read)
                : NodeHttp.request(url, options, outcome::read);
        outcome.request = request;
        outcome.timer = NodeTimers.setTimeout(() -> outcome.fail("no answer from " + url + " within " + timeoutMillis + " ms"),
                timeoutMillis);
        request.onTimeout("timeout", () -> outcome.fail("connection to " + url + " idle for " + timeoutMillis + " ms"));
        request.onError("error", error -> outcome.fail(method + " " + url + " failed: " + error.getMessage()));
        request.end(body == null ? "" : body);
    }

    /** Settles the call exactly once, whichever of answer, error or timer comes first. */
    private static final class Outcome {
        private final AsyncCallback<Answer> callback;
        private final StringBuilder body = new StringBuilder();
        private boolean settled;
        ClientRequest request;
        JSObject timer;

        Outcome(AsyncCallback<Answer> callback) {
            this.callback = callback;
        }

        void read(IncomingMessage response) {
            int status = response.getStatusCode();
            response.setEncoding("utf8");
            response.onData("data", chunk -> body.append(chunk.stringValue()));
            response.onEnd("end", () -> succeed(status));
            response.onError("error", error -> fail("reading the answer failed: " + error.getMessage()));
        }

        void succeed(int status) {
            if (!settled) {
                settled = true;
                NodeTimers.clearTimeout(timer);
                callback.complete(new Answer(status, body.toString()));
            }
        }

        void fail(String message) {
            if (!settled) {
                settled = true;
                NodeTimers.clearTimeout(timer);
                request.destroy();
                callback.error(new IllegalStateException(message));
            }
        }
    }
}
