package dev.registryedge.handler.sigv4;

/** Presigned S3 GET URLs, the same URL the AWS SDK for Java v2's S3Presigner would give. */
public final class S3Presign {

    private S3Presign() {}

    /** The last encoded {@code X-Amz-Credential}: the same all day for one key and region. */
    private record Credential(String accessKeyId, String day, String region, String encoded) {}

    private static volatile Credential lastCredential = new Credential("", "", "", "");

    private static String credential(String accessKeyId, String day, String region) {
        Credential last = lastCredential;
        if (!(last.day().equals(day) && last.region().equals(region) && last.accessKeyId().equals(accessKeyId))) {
            last = new Credential(accessKeyId, day, region,
                    SigV4.uriEncode(accessKeyId + "/" + day + "/" + region + "/s3/aws4_request", false));
            lastCredential = last;
        }
        return last.encoded();
    }

    public static String get(AwsKeys keys, String region, S3Location location, int expiresSeconds, long nowMillis) {
        String amzDate = SigV4.amzDate(nowMillis);
        String credential = credential(keys.accessKeyId(), amzDate.substring(0, 8), region);
        String token = keys.sessionToken() == null ? null : SigV4.uriEncode(keys.sessionToken(), false);
        // The canonical request is hashed as it is written and the URL built in a builder sized up
        // front: on Node every string and every growth of a builder is a copy (docs/design.md,
        // "One core, two builds"). Canonical order is by parameter name; the URL keeps the SDK's order.
        Sha256 canonical = Sha256.start().update("GET\n").update(location.path()).update("\nX-Amz-Algorithm=")
                .update(SigV4.ALGORITHM).update("&X-Amz-Credential=").update(credential).update("&X-Amz-Date=")
                .update(amzDate).update("&X-Amz-Expires=").update(Integer.toString(expiresSeconds));
        if (token != null) {
            canonical.update("&X-Amz-Security-Token=").update(token);
        }
        canonical.update("&X-Amz-SignedHeaders=host\nhost:").update(location.host())
                .update("\n\nhost\nUNSIGNED-PAYLOAD");
        String signature = SigV4.signature(keys, amzDate, region, "s3", canonical.finish());
        int tokenLength = token == null ? 0 : token.length() + 24;
        StringBuilder url = new StringBuilder(320 + location.origin().length() + location.path().length()
                + tokenLength).append(location.origin()).append(location.path()).append('?');
        if (token != null) {
            url.append("X-Amz-Security-Token=").append(token).append('&');
        }
        return url.append("X-Amz-Algorithm=").append(SigV4.ALGORITHM).append("&X-Amz-Date=").append(amzDate)
                .append("&X-Amz-SignedHeaders=host&X-Amz-Credential=").append(credential)
                .append("&X-Amz-Expires=").append(expiresSeconds).append("&X-Amz-Signature=").append(signature)
                .toString();
    }
}
