package dev.registryedge.ipmap.routing;

/**
 * Where the keys for reading and presigning come from.
 *
 * @param name the configuration's name for this source
 * @param roleArn the role to assume, or {@code null} for the function's own credentials
 * @param sessionName the role session name when assuming a role
 * @param durationSeconds how long assumed-role credentials last
 */
public record Credentials(String name, String roleArn, String sessionName, int durationSeconds) {

    /** Assumed-role keys are renewed while they still have a URL's validity plus this to live. */
    public static final int RENEWAL_SLACK_SECONDS = 300;

    /**
     * How long assumed-role keys must still be valid to sign a URL: a presigned URL works only
     * while the keys that signed it do, and renewal needs a margin.
     */
    public static int minimumLifeSeconds(int presignValiditySeconds) {
        return presignValiditySeconds + RENEWAL_SLACK_SECONDS;
    }

    /** The function's own execution-role credentials. */
    public static final Credentials FUNCTION = new Credentials("function", null, null, 0);

    public boolean assumesRole() {
        return roleArn != null;
    }
}
