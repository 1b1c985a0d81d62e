package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Route;

/** Answers "does this key exist in this target" (an S3 HeadObject). */
public interface ObjectStore {

    /**
     * @param deadline every network call made for the answer (credentials included) ends by it
     * @return true if the object exists, false if the store says it does not
     * @throws Exception on anything else (timeouts, access denied, server errors): the router
     *     then treats the target as unusable for this request and tries the next one
     */
    boolean exists(Route route, String key, Deadline deadline) throws Exception;
}
