package dev.registryedge.cli;

import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.RoutingConfig;

/**
 * The IP map and routing configuration the commands work with: those built into the function
 * ({@link #FUNCTION}), or a test's own, so that the commands' tests do not depend on the day's
 * data/ip-ranges.json and data/routing.json.
 *
 * @param syncToken and {@code createDate}: the snapshot the map was built from
 */
record BuiltIn(RoutingConfig routing, RegionMap regions, String syncToken, String createDate) {

    /** What the function in this build carries: data/ip-ranges.json and data/routing.json. */
    static final BuiltIn FUNCTION = new BuiltIn(RoutingTable.config(), AwsRegionMap.map(), AwsRegionMap.SYNC_TOKEN,
            AwsRegionMap.CREATE_DATE);
}
