/**
 * The routing configuration as the handler sees it once the plugin has validated and
 * resolved it: distributions, the S3 targets each client region is sent to, and limits.
 */
package dev.registryedge.ipmap.routing;
