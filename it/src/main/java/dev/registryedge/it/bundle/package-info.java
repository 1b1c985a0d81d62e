/**
 * A Node.js bundle for the tests only: the deployed handler's code with configurations the tests
 * choose and the bare presigner exported, so that nothing but {@code handler} ships in the
 * deployed {@code edge-function.zip}.
 */
package dev.registryedge.it.bundle;
