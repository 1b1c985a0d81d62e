package dev.registryedge.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server on 127.0.0.1 that misbehaves in one chosen way, for fault tests. */
final class FaultyServer implements AutoCloseable {

    enum Fault {
        /** Reads the request and never answers. */
        STALL,
        /** Answers with bytes that are not HTTP, then closes. */
        GARBAGE,
        /** Answers 403 Forbidden. */
        FORBIDDEN,
        /** Answers 500 Internal Server Error. */
        ERROR,
        /** Answers 503 Slow Down. */
        UNAVAILABLE,
        /**
         * Answers 200 to the first request of a connection and keeps it open, then resets it when
         * a second request comes on it: a kept-alive socket that died while Lambda was frozen.
         */
        RESET_REUSED
    }

    /** Requests read, and connections accepted, so far. */
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    FaultyServer(Fault fault) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    open.add(socket);
                    Thread worker = new Thread(() -> serve(socket, fault, requests));
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private static void serve(Socket socket, Fault fault, java.util.concurrent.atomic.AtomicInteger requests) {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            in.read(buffer); // the request head
            requests.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            if (fault == Fault.RESET_REUSED) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (in.read(buffer) > 0) {
                    requests.incrementAndGet();
                }
                socket.setSoLinger(true, 0); // close with a reset, unanswered
                return;
            }
            String answer = switch (fault) {
                case STALL -> null;
                case GARBAGE -> "\u0000\u0013garbage that is not HTTP\r\n\r\n";
                case FORBIDDEN -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
                case ERROR -> "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
                case UNAVAILABLE -> "HTTP/1.1 503 Slow Down\r\nContent-Length: 0\r\n\r\n";
                case RESET_REUSED -> throw new AssertionError("answered above");
            };
            if (answer == null) {
                while (in.read(buffer) >= 0) {
                    // hold the connection until the client gives up
                }
                return;
            }
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client hung up, which is what a timeout looks like from here
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
