/**
 * The routing decision, free of AWS and I/O: request facts in, pass-through or a redirect
 * out, talking to the world only through {@link dev.registryedge.handler.core.ObjectStore},
 * {@link dev.registryedge.handler.core.UrlSigner}, {@link dev.registryedge.handler.core.Clock}
 * and {@link dev.registryedge.handler.core.DecisionLog}. Written to compile to JavaScript as
 * well: no reflection, threads, regular expressions or {@code String.format}.
 */
package dev.registryedge.handler.core;
