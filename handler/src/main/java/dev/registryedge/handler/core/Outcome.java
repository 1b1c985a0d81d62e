package dev.registryedge.handler.core;

/** What happens to a request. */
public enum Outcome {
    /** CloudFront serves the object: the request is returned unchanged. */
    CLOUDFRONT,
    /** 307 to a target whose copy was checked to exist (a replica or a cache). */
    REPLICA,
    /** 307 to a target that holds every blob (the distribution's own bucket). */
    BUCKET;

    public boolean redirects() {
        return this != CLOUDFRONT;
    }
}
