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
        UNAVAILABLE
    }

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    FaultyServer(Fault fault) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    open.add(socket);
                    Thread worker = new Thread(() -> serve(socket, fault));
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

    private static void serve(Socket socket, Fault fault) {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            in.read(buffer); // the request head
            OutputStream out = socket.getOutputStream();
            String answer = switch (fault) {
                case STALL -> null;
                case GARBAGE -> "\u0000\u0013garbage that is not HTTP\r\n\r\n";
                case FORBIDDEN -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
                case ERROR -> "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
                case UNAVAILABLE -> "HTTP/1.1 503 Slow Down\r\nContent-Length: 0\r\n\r\n";
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
