package dev.registryedge.ipmap.refresh;

import dev.registryedge.ipmap.json.InputException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a document over HTTP(S) with a bounded connect time and one deadline for the whole
 * download. The JDK's request timeout ends when the response headers arrive, so a server that
 * sends headers and then stalls (or drips) the body would otherwise hold the build forever.
 */
public final class SnapshotDownloader {

    private final Duration connectTimeout;
    private final Duration totalTimeout;

    /**
     * @param connectTimeout limit on opening the connection
     * @param totalTimeout limit on the whole download, from sending the request to the last
     *     byte of the body, connection included
     */
    public SnapshotDownloader(Duration connectTimeout, Duration totalTimeout) {
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
    }

    /** The response body of a 200 answer. */
    public byte[] download(URI url) throws InputException {
        CompletableFuture<HttpResponse<byte[]>> answer;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(totalTimeout).GET().build();
            answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            throw new InputException(url + ": cannot be downloaded: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = answer.get(totalTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response.statusCode() != 200) {
                throw new InputException(url + ": answered HTTP " + response.statusCode() + " instead of 200");
            }
            return response.body();
        } catch (TimeoutException e) {
            answer.cancel(true); // closes the connection
            throw incomplete(url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new InputException(url + ": could not connect within " + describe(connectTimeout)
                        + " (ipmap.connectTimeoutSeconds): check the URL and the network, or raise the limit");
            }
            if (cause instanceof HttpTimeoutException) {
                throw incomplete(url);
            }
            throw new InputException(url + ": download failed: " + cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InputException(url + ": download interrupted");
        }
    }

    private InputException incomplete(URI url) {
        return new InputException(url + ": no complete answer within " + describe(totalTimeout)
                + " (ipmap.readTimeoutSeconds, the limit on the whole download): try again later, or raise the limit"
                + " on a slow network");
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
