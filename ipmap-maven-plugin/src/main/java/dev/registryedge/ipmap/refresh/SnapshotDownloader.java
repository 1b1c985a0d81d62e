package dev.registryedge.ipmap.refresh;

import dev.registryedge.ipmap.json.InputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Downloads a document over HTTP(S) with bounded connect and read times. */
public final class SnapshotDownloader {

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public SnapshotDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The response body of a 200 answer. */
    public byte[] download(URI url) throws InputException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new InputException(url + ": answered HTTP " + response.statusCode() + " instead of 200");
            }
            return response.body();
        } catch (HttpTimeoutException e) {
            throw new InputException(url + ": no complete answer within " + describe(connectTimeout) + " to connect and "
                    + describe(readTimeout) + " to read (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputException(url + ": download failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(url + ": download interrupted");
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
