package dev.registryedge.handler.sigv4;

/** Presigned S3 GET URLs, the same URL the AWS SDK for Java v2's S3Presigner would give. */
public final class S3Presign {

    private S3Presign() {}

    public static String get(AwsKeys keys, String region, S3Location location, int expiresSeconds, long nowMillis) {
        String amzDate = SigV4.amzDate(nowMillis);
        String credential = SigV4.uriEncode(keys.accessKeyId() + "/" + SigV4.scope(amzDate, region, "s3"), false);
        String token = keys.sessionToken() == null ? null : SigV4.uriEncode(keys.sessionToken(), false);
        // Canonical order is by parameter name; the URL keeps the SDK's order.
        String canonicalQuery = "X-Amz-Algorithm=" + SigV4.ALGORITHM + "&X-Amz-Credential=" + credential
                + "&X-Amz-Date=" + amzDate + "&X-Amz-Expires=" + expiresSeconds
                + (token == null ? "" : "&X-Amz-Security-Token=" + token) + "&X-Amz-SignedHeaders=host";
        String canonicalRequest = "GET\n" + location.path() + "\n" + canonicalQuery + "\nhost:" + location.host()
                + "\n\nhost\nUNSIGNED-PAYLOAD";
        String signature = SigV4.signature(keys, amzDate, region, "s3", canonicalRequest);
        return location.origin() + location.path() + "?" + (token == null ? "" : "X-Amz-Security-Token=" + token + "&")
                + "X-Amz-Algorithm=" + SigV4.ALGORITHM + "&X-Amz-Date=" + amzDate + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Credential=" + credential + "&X-Amz-Expires=" + expiresSeconds
                + "&X-Amz-Signature=" + signature;
    }
}
