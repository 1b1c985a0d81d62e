/**
 * Reading and validating the routing configuration, and resolving it into the model the
 * handler is compiled with.
 */
package dev.registryedge.ipmap.config;
