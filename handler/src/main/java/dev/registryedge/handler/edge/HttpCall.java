package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.edge.node.ClientRequest;
import dev.registryedge.handler.edge.node.IncomingMessage;
import dev.registryedge.handler.edge.node.JsRecord;
import dev.registryedge.handler.edge.node.NodeHttp;
import dev.registryedge.handler.edge.node.NodeHttps;
import dev.registryedge.handler.edge.node.NodeTimers;
import dev.registryedge.handler.edge.node.RequestOptions;
import dev.registryedge.handler.edge.node.Socket;
import dev.registryedge.handler.sigv4.SignedRequest;
import dev.registryedge.ipmap.routing.S3Limits;
import java.util.List;
import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

/**
 * One HTTP exchange over Node's {@code http}/{@code https}, written as a blocking call: TeaVM
 * suspends the calling green thread until Node answers, so the routing core stays synchronous.
 *
 * <p>Whatever goes wrong, synchronously or not, ends as an exception thrown to the caller:
 * {@code https.request} itself throws for a port above 65535 or a header value with a line
 * break, and an error escaping here would surface in a Node timer and end the process, which
 * CloudFront turns into an error for the client.
 */
final class HttpCall {

    /** Status and body text of an answer. */
    record Answer(int status, String body) {}

    private HttpCall() {}

    /**
     * Sends the request, each attempt limited to {@link S3Limits#requestTimeoutMillis()} and
     * {@link S3Limits#connectTimeoutMillis()} cut to the deadline. One that fails on a kept-alive
     * connection before any answer is sent once more on a new connection, if time is left: a
     * socket kept across a Lambda freeze may be dead when the instance thaws.
     *
     * @throws RuntimeException on connection errors, timeouts and a passed deadline; its message
     *     says which
     */
    static Answer exchange(String method, String url, List<SignedRequest.Header> headers, String body,
            Deadline deadline, S3Limits limits) {
        try {
            return send(method, url, headers, body, deadline.cut(limits.requestTimeoutMillis()),
                    limits.connectTimeoutMillis(), false);
        } catch (StaleConnection e) {
            return send(method, url, headers, body, deadline.cut(limits.requestTimeoutMillis()),
                    limits.connectTimeoutMillis(), true);
        }
    }

    @Async
    private static native Answer send(String method, String url, List<SignedRequest.Header> headers, String body,
            int timeoutMillis, int connectTimeoutMillis, boolean newConnection);

    private static void send(String method, String url, List<SignedRequest.Header> headers, String body,
            int timeoutMillis, int connectTimeoutMillis, boolean newConnection, AsyncCallback<Answer> callback) {
        Outcome outcome = new Outcome(callback, method + " " + url);
        try {
            JsRecord headerObject = JSObjects.create();
            for (SignedRequest.Header header : headers) {
                headerObject.set(header.name(), JSString.valueOf(header.value()));
            }
            RequestOptions options = JSObjects.create();
            options.setMethod(method);
            options.setHeaders(headerObject);
            options.setTimeout(timeoutMillis);
            if (newConnection) {
                options.setAgent(false);
            }
            outcome.timer = NodeTimers.setTimeout(() -> outcome.fail("no answer within " + timeoutMillis + " ms"),
                    timeoutMillis);
            ClientRequest request = url.startsWith("https:") ? NodeHttps.request(url, options, outcome::read)
                    : NodeHttp.request(url, options, outcome::read);
            outcome.request = request;
            request.onSocket("socket", socket -> outcome.connecting(socket, connectTimeoutMillis));
            request.onTimeout("timeout", () -> outcome.fail("connection idle for " + timeoutMillis + " ms"));
            request.onError("error", error -> outcome.failed(error.getMessage()));
            request.end(body == null ? "" : body);
        } catch (Throwable e) {
            outcome.fail("could not be sent: " + e.getMessage());
        }
    }

    /** A failure on a kept-alive connection before any answer: the one case worth a retry. */
    private static final class StaleConnection extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StaleConnection(String message) {
            super(message);
        }
    }

    /** Settles the call exactly once, whichever of answer, error or timer comes first. */
    private static final class Outcome {
        private final AsyncCallback<Answer> callback;
        private final String call;
        private final StringBuilder body = new StringBuilder();
        private boolean settled;
        private boolean answered;
        ClientRequest request;
        JSObject timer;
        JSObject connectTimer;

        Outcome(AsyncCallback<Answer> callback, String call) {
            this.callback = callback;
            this.call = call;
        }

        void connecting(Socket socket, int connectTimeoutMillis) {
            if (socket.isConnecting() && !settled) {
                connectTimer = NodeTimers.setTimeout(
                        () -> fail("no connection within " + connectTimeoutMillis + " ms"), connectTimeoutMillis);
                socket.onceConnect("connect", () -> NodeTimers.clearTimeout(connectTimer));
            }
        }

        void read(IncomingMessage response) {
            answered = true;
            int status = response.getStatusCode();
            response.setEncoding("utf8");
            response.onData("data", chunk -> body.append(chunk.stringValue()));
            response.onEnd("end", () -> succeed(status));
            response.onError("error", error -> fail("reading the answer failed: " + error.getMessage()));
        }

        void failed(String error) {
            if (!answered && request != null && request.isReusedSocket()) {
                settle(new StaleConnection("failed on a kept-alive connection: " + error + " (" + call + ")"));
            } else {
                fail("failed: " + error);
            }
        }

        void succeed(int status) {
            if (!settled) {
                settleOnce();
                callback.complete(new Answer(status, body.toString()));
            }
        }

        /** The reason first: a log line clipped for length keeps it. */
        void fail(String message) {
            settle(new IllegalStateException(message + " (" + call + ")"));
        }

        private void settle(RuntimeException failure) {
            if (!settled) {
                settleOnce();
                if (request != null) {
                    request.destroy();
                }
                callback.error(failure);
            }
        }

        /** Marks the call settled and stops its timers; the socket goes back to the pool after an answer. */
        private void settleOnce() {
            settled = true;
            if (timer != null) {
                NodeTimers.clearTimeout(timer);
            }
            if (connectTimer != null) {
                NodeTimers.clearTimeout(connectTimer);
            }
        }
    }
}
