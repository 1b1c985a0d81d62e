/** Integration tests over the built artifacts and real snapshots. */
package dev.registryedge.it;
