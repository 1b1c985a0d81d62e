/**
 * Maps an IP address to the AWS region that publishes it: literal parsing without
 * name resolution, and one binary search over sorted, disjoint intervals.
 */
package dev.registryedge.ipmap.lookup;
