package dev.registryedge.ipmap.routing;

/**
 * A target as reached from one distribution: the same replica bucket is read with the
 * function's own credentials from one account and through an assumed role from another.
 *
 * @param target where the client may be sent
 * @param credentials what reads and signs for it from this distribution
 * @param replica whether it is tried because it replicates the registry in the client's region
 *     (the configuration's {@code replicas}), rather than being one of the distribution's own
 *     routes or its home
 */
public record Route(Target target, Credentials credentials, boolean replica) {

    /** One of the distribution's own routes. */
    public Route(Target target, Credentials credentials) {
        this(target, credentials, false);
    }
}
