/**
 * The Maven goal and the plain generator under it: parameters in, validated inputs,
 * generated sources out.
 */
package dev.registryedge.ipmap.mojo;
