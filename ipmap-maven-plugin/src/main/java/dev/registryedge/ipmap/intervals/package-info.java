/**
 * Turning overlapping published prefixes into the sorted, disjoint intervals a map searches,
 * and comparing two maps address by address.
 */
package dev.registryedge.ipmap.intervals;
