package dev.registryedge.handler.sigv4;

/**
 * A set of AWS credentials.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiresAtMillis when temporary credentials expire, or {@code Long.MAX_VALUE}
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken, long expiresAtMillis) {

    @Override
    public String toString() {
        return "AwsKeys[" + accessKeyId + "]"; // never the secret or the token
    }
}
