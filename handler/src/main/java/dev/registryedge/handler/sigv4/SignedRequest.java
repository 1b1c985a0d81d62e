package dev.registryedge.handler.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers that sign one request with an Authorization header (S3 HeadObject, STS
 * AssumeRole). The caller sends them as given, names in lower case.
 */
public final class SignedRequest {

    /** One header to send. */
    public record Header(String name, String value) {}

    private SignedRequest() {}

    /**
     * @param path the encoded path
     * @param query the canonical (sorted, encoded) query string, or empty
     * @param extraHeaders further headers to sign and send, names in lower case, sorted
     * @param payloadHash the hex SHA-256 of the body
     */
    public static List<Header> sign(AwsKeys keys, String region, String service, String method, String host,
            String path, String query, List<Header> extraHeaders, String payloadHash, long nowMillis) {
        String amzDate = SigV4.amzDate(nowMillis);
        List<Header> headers = new ArrayList<>(extraHeaders);
        headers.add(new Header("host", host));
        headers.add(new Header("x-amz-content-sha256", payloadHash));
        headers.add(new Header("x-amz-date", amzDate));
        if (keys.sessionToken() != null) {
            headers.add(new Header("x-amz-security-token", keys.sessionToken()));
        }
        headers.sort((a, b) -> a.name().compareTo(b.name()));
        StringBuilder canonicalHeaders = new StringBuilder();
        StringBuilder signedHeaders = new StringBuilder();
        for (Header header : headers) {
            canonicalHeaders.append(header.name()).append(':').append(header.value().trim()).append('\n');
            signedHeaders.append(signedHeaders.length() == 0 ? "" : ";").append(header.name());
        }
        String canonicalRequest = method + "\n" + path + "\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + payloadHash;
        String signature = SigV4.signature(keys, amzDate, region, service, canonicalRequest);
        headers.add(new Header("authorization", SigV4.ALGORITHM + " Credential=" + keys.accessKeyId() + "/"
                + SigV4.scope(amzDate, region, service) + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        headers.removeIf(header -> header.name().equals("host"));
        return headers;
    }
}
