package dev.registryedge.cli.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** CloudFront standard log files as CloudFront writes them: the 33 legacy columns, tab-separated, gzip. */
public final class StandardLogs {

    public static final String FIELDS = "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host)"
            + " cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
            + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol"
            + " ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port"
            + " time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start"
            + " sc-range-end";

    private StandardLogs() {}

    /** A blob path for a digest made of one repeated hex digit pair ({@code "ab"}). */
    public static String blob(String pair) {
        String digest = pair.repeat(32);
        return "/docker/registry/v2/blobs/sha256/" + digest.substring(0, 2) + "/" + digest + "/data";
    }

    /**
     * One request line.
     *
     * @param resultType x-edge-result-type ({@code Hit}, {@code Miss}, {@code LambdaGeneratedResponse})
     * @param range {@code "start end"} for a range response, else null
     */
    public static String line(String date, String edge, long scBytes, String ip, String method, String uri, int status,
            String userAgent, String resultType, long contentLength, String range) {
        return line(date, edge, scBytes, ip, method, uri, status, userAgent, resultType, contentLength, range,
                "req-" + Long.toHexString(scBytes ^ uri.hashCode()));
    }

    /** One request line with CloudFront's id of the request (x-edge-request-id), as the function logs it too. */
    public static String line(String date, String edge, long scBytes, String ip, String method, String uri, int status,
            String userAgent, String resultType, long contentLength, String range, String requestId) {
        String[] rangeParts = range == null ? new String[] {"-", "-"} : range.split(" ");
        return String.join("\t", date, "10:00:00", edge, String.valueOf(scBytes), ip, method,
                "d111111abcdef8.cloudfront.net", uri, String.valueOf(status), "-", userAgent.replace(" ", "%20"), "-",
                "-", resultType, requestId, "registry.example.com", "https",
                "180", "0.002", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", resultType, "HTTP/1.1", "-", "-", "443",
                "0.001", resultType, "application/octet-stream", contentLength < 0 ? "-" : String.valueOf(contentLength),
                rangeParts[0], rangeParts[1]);
    }

    /** Writes a gzip log with the version line, the #Fields header and these lines. */
    public static Path write(Path file, List<String> lines) {
        return write(file, "#Version: 1.0\n" + FIELDS + "\n" + String.join("\n", lines) + "\n");
    }

    /** Writes these exact contents, gzip-compressed. */
    public static Path write(Path file, String contents) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(contents.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
