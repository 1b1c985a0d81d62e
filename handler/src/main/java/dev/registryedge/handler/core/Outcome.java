package dev.registryedge.handler.core;

/** What happens to a request. */
public enum Outcome {
    /** CloudFront serves the object: the request is returned unchanged. */
    CLOUDFRONT,
    /** 307 to a replica of the registry in the client's region (the configuration's {@code replicas}). */
    REPLICA,
    /**
     * 307 to one of the distribution's own targets: its bucket, or a cache in its routes (which,
     * like a replica, is checked first when it has {@code checkExists}).
     */
    BUCKET;

    public boolean redirects() {
        return this != CLOUDFRONT;
    }
}
