package dev.registryedge.handler.sigv4;

/**
 * Where an S3 object is reached: the scheme and host, and the path, chosen the way the AWS SDK
 * for Java v2 chooses them (virtual-hosted unless path style is asked for or the bucket name
 * has a dot; us-east-1 on the global {@code s3.amazonaws.com}).
 *
 * @param origin e.g. {@code https://bucket.s3.us-east-2.amazonaws.com} or {@code http://127.0.0.1:9000}
 * @param host the Host header value
 * @param path the encoded path, e.g. {@code /bucket/docker/...}
 */
public record S3Location(String origin, String host, String path) {

    /**
     * @param endpoint an endpoint URL such as {@code http://127.0.0.1:9000}, or {@code null} for AWS
     */
    public static S3Location of(String endpoint, boolean pathStyle, String region, String bucket, String key) {
        String encodedKey = SigV4.uriEncode(key, true);
        if (endpoint != null) {
            String origin = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            int schemeEnd = origin.indexOf("://");
            String scheme = origin.substring(0, schemeEnd + 3);
            String host = origin.substring(schemeEnd + 3);
            if (pathStyle) {
                return new S3Location(origin, host, "/" + bucket + "/" + encodedKey);
            }
            return new S3Location(scheme + bucket + "." + host, bucket + "." + host, "/" + encodedKey);
        }
        String service = region.equals("us-east-1") ? "s3.amazonaws.com" : "s3." + region + ".amazonaws.com";
        if (pathStyle || bucket.indexOf('.') >= 0) {
            return new S3Location("https://" + service, service, "/" + bucket + "/" + encodedKey);
        }
        String host = bucket + "." + service;
        return new S3Location("https://" + host, host, "/" + encodedKey);
    }
}
