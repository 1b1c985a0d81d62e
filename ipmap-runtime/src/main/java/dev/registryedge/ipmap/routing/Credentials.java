package dev.registryedge.ipmap.routing;

/**
 * Where the keys for reading and presigning come from: the function's own, an assumed role, or
 * an access key pair kept in AWS Secrets Manager (for S3-compatible stores outside AWS).
 *
 * @param name the configuration's name for this source
 * @param roleArn the role to assume, or {@code null}
 * @param sessionName the role session name when assuming a role
 * @param durationSeconds how long assumed-role credentials last
 * @param secretArn the Secrets Manager secret holding the key pair, or {@code null}
 * @param cacheSeconds how long a function instance keeps the secret's keys before asking again
 */
public record Credentials(String name, String roleArn, String sessionName, int durationSeconds, String secretArn,
        int cacheSeconds) {

    /** Assumed-role keys are renewed while they still have a URL's validity plus this to live. */
    public static final int RENEWAL_SLACK_SECONDS = 300;

    /** How long a secret's keys are kept when the configuration does not say. */
    public static final int DEFAULT_SECRET_CACHE_SECONDS = 3600;

    /** The function's own execution-role credentials. */
    public static final Credentials FUNCTION = new Credentials("function", null, null, 0);

    /** Credentials of the function itself or of an assumed role. */
    public Credentials(String name, String roleArn, String sessionName, int durationSeconds) {
        this(name, roleArn, sessionName, durationSeconds, null, 0);
    }

    /** Credentials read from a Secrets Manager secret. */
    public static Credentials fromSecret(String name, String secretArn, int cacheSeconds) {
        return new Credentials(name, null, null, 0, secretArn, cacheSeconds);
    }

    /**
     * How long assumed-role keys must still be valid to sign a URL: a presigned URL works only
     * while the keys that signed it do, and renewal needs a margin.
     */
    public static int minimumLifeSeconds(int presignValiditySeconds) {
        return presignValiditySeconds + RENEWAL_SLACK_SECONDS;
    }

    public boolean assumesRole() {
        return roleArn != null;
    }

    public boolean readsSecret() {
        return secretArn != null;
    }

    /** The region of the secret, the fourth field of its ARN. */
    public String secretRegion() {
        int start = nthColon(secretArn, 3) + 1;
        return secretArn.substring(start, secretArn.indexOf(':', start));
    }

    private static int nthColon(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(':', at + 1);
        }
        return at;
    }
}
