/**
 * The routing configuration as the handler sees it once the plugin has validated and
 * resolved it: distributions, the S3 targets each client region is sent to, and limits.
 *
 * <p><b>API.</b> Every type here is public API: generated routing classes construct these
 * records, and handlers read them. Their canonical constructors are for generated code and
 * tests; they may gain components between versions (secondary constructors keep older
 * generated code compiling within a version line).
 */
package dev.registryedge.ipmap.routing;
