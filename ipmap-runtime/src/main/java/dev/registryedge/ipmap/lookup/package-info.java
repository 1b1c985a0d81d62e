/**
 * Maps an IP address to the AWS region that publishes it: literal parsing without
 * name resolution, and one binary search over sorted, disjoint intervals.
 *
 * <p><b>API.</b> {@link dev.registryedge.ipmap.lookup.RegionMap} is what generated map classes
 * construct and return, and what callers query ({@code regionOf}, {@code matchedPrefix},
 * {@code regions}); its public constructor is for generated code and may change with the plugin
 * version that generates it, so use both at the same version.
 * {@link dev.registryedge.ipmap.lookup.IpNetwork} (CIDR containment) and
 * {@link dev.registryedge.ipmap.lookup.IpLiteral} (literal parsing) are public API for code that
 * routes with the map. {@link dev.registryedge.ipmap.lookup.IntervalCodec} is internal: the
 * plugin encodes intervals with it and {@code RegionMap} decodes them; it is public only because
 * the plugin lives in another module.
 */
package dev.registryedge.ipmap.lookup;
