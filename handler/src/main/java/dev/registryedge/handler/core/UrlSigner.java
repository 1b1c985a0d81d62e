package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Route;

/** Presigns S3 GET URLs. */
public interface UrlSigner {

    /**
     * A URL that lets anyone GET the key for {@code validitySeconds} from now, signed with the
     * route's credentials for the target's region.
     *
     * @param deadline a network call needed for credentials (renewing an assumed role) ends by it
     * @throws Exception when no valid credentials are at hand
     */
    String presignGet(Route route, String key, int validitySeconds, Deadline deadline) throws Exception;
}
