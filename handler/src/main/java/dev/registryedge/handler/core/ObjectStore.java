package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Route;

/** Answers "does this key exist in this target" (an S3 HeadObject). */
public interface ObjectStore {

    /**
     * @param timeoutMillis the most the check may take, connection included
     * @return true if the object exists, false if the store says it does not
     * @throws Exception on anything else (timeouts, access denied, server errors): the
     *     router then lets CloudFront serve the request
     */
    boolean exists(Route route, String key, int timeoutMillis) throws Exception;
}
