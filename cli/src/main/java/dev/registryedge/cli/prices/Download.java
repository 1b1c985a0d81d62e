package dev.registryedge.cli.prices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a file over HTTP(S) to disk (an offer file can be hundreds of megabytes) with a bounded
 * connect time and one deadline for the whole download: the JDK's request timeout ends when the
 * headers arrive, so a server that stalls in the body would otherwise hold the command forever.
 */
final class Download {

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration totalTimeout;

    Download(Duration connectTimeout, Duration totalTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
    }

    /** The body of a 200 answer, written to {@code into}. */
    Path fetch(URI url, Path into) throws PriceListException {
        CompletableFuture<HttpResponse<Path>> answer;
        try {
            answer = client.sendAsync(HttpRequest.newBuilder(url).timeout(totalTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(into));
        } catch (IllegalArgumentException e) {
            throw new PriceListException(url + ": cannot be downloaded: " + e.getMessage());
        }
        try {
            HttpResponse<Path> response = answer.get(totalTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response.statusCode() != 200) {
                throw new PriceListException(url + ": answered HTTP " + response.statusCode() + " instead of 200");
            }
            return response.body();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw incomplete(url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new PriceListException(url + ": could not connect within " + seconds(connectTimeout)
                        + " (--connect-timeout)");
            }
            if (cause instanceof HttpTimeoutException) {
                throw incomplete(url);
            }
            throw new PriceListException(url + ": download failed: " + cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new PriceListException(url + ": download interrupted");
        }
    }

    /** A small document (an index) as text. */
    String text(URI url, Path dir) throws PriceListException {
        try {
            return Files.readString(fetch(url, Files.createTempFile(dir, "index", ".json")));
        } catch (IOException e) {
            throw new PriceListException(url + ": cannot be read back: " + e.getMessage());
        }
    }

    private PriceListException incomplete(URI url) {
        return new PriceListException(url + ": no complete answer within " + seconds(totalTimeout)
                + " (--timeout, the limit on each whole download): try again later, or raise it");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
