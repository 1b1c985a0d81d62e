package dev.registryedge.ipmap.routing;

import java.util.List;
import java.util.Map;

/**
 * One CloudFront distribution the function is associated with.
 *
 * @param id the distribution id CloudFront puts in the event
 * @param name a readable name for logs
 * @param home where {@code debugregistry/local} sends clients: the distribution's own bucket
 * @param routes per client region, the targets to try in order; the first target that needs
 *     no existence check, or whose check finds the object, wins
 */
public record Distribution(String id, String name, Route home, Map<String, List<Route>> routes) {

    public Distribution {
        routes = Map.copyOf(routes);
    }

    /** The targets for a client region; empty when the region has no route. */
    public List<Route> routesFor(String region) {
        List<Route> found = routes.get(region);
        return found == null ? List.of() : found;
    }
}
