package dev.registryedge.ipmap.refresh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.registryedge.ipmap.json.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download's deadline covers the body, not only the headers. */
class SnapshotDownloaderTest {

    private static final byte[] BODY = "{\"syncToken\": \"1\"}".repeat(1000).getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serveOnLoopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/whole.json", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
            exchange.close();
        });
        // Headers and half the body at once, then nothing until the test ends.
        server.createContext("/stall-mid-body.json", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            OutputStream body = exchange.getResponseBody();
            body.write(BODY, 0, BODY.length / 2);
            body.flush();
            awaitRelease();
            exchange.close();
        });
        // A byte every 100 ms: no single read waits long, the whole never ends.
        server.createContext("/drip.json", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < BODY.length && release.getCount() > 0; i++) {
                body.write(BODY[i]);
                body.flush();
                try {
                    release.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static final SnapshotDownloader DOWNLOADER =
            new SnapshotDownloader(Duration.ofMillis(500), Duration.ofMillis(800));

    @Test
    void downloadsAWholeBody() throws Exception {
        assertArrayEquals(BODY, DOWNLOADER.download(url("/whole.json")));
    }

    @Test
    void aBodyThatStallsAfterTheHeadersEndsAtTheDeadline() {
        long started = System.nanoTime();
        InputException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputException.class, () -> DOWNLOADER.download(url("/stall-mid-body.json"))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(url("/stall-mid-body.json") + ": no complete answer within 800 ms (ipmap.readTimeoutSeconds, the"
                + " limit on the whole download): try again later, or raise the limit on a slow network",
                error.getMessage());
        assertTrue(millis >= 700 && millis < 3000, millis + " ms");
    }

    @Test
    void aBodyThatDripsEndsAtTheDeadline() {
        long started = System.nanoTime();
        InputException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputException.class, () -> DOWNLOADER.download(url("/drip.json"))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(url("/drip.json") + ": no complete answer within 800 ms (ipmap.readTimeoutSeconds, the limit on"
                + " the whole download): try again later, or raise the limit on a slow network", error.getMessage());
        assertTrue(millis >= 700 && millis < 3000, millis + " ms");
    }
}
