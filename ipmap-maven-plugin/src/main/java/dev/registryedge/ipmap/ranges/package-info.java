/**
 * AWS's {@code ip-ranges.json}: reading and validating a snapshot, and choosing the prefixes
 * a map is built from.
 */
package dev.registryedge.ipmap.ranges;
