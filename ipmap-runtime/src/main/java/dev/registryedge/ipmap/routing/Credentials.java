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

    /** The function's own execution-role credentials. */
    public static final Credentials FUNCTION = new Credentials("function", null, null, 0);

    public boolean assumesRole() {
        return roleArn != null;
    }
}
