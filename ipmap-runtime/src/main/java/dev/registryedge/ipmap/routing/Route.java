package dev.registryedge.ipmap.routing;

/**
 * A target as reached from one distribution: the same replica bucket is read with the
 * function's own credentials from one account and through an assumed role from another.
 */
public record Route(Target target, Credentials credentials) {}
