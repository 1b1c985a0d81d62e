/** Shared test inputs for the plugin's tests. */
package dev.registryedge.ipmap.testing;
