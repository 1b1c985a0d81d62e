/** In-memory stand-ins for the core's interfaces, shared by the handler's tests. */
package dev.registryedge.handler.testing;
