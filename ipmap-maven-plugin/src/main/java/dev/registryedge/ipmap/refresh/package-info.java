/**
 * Refreshing the snapshot: downloading {@code ip-ranges.json}, summarising what changed, and
 * replacing files atomically so a failure leaves the previous ones intact.
 */
package dev.registryedge.ipmap.refresh;
