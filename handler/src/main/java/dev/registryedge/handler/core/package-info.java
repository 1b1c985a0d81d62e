/**
 * The routing decision and every policy both builds share, free of AWS and of any platform:
 * an event in (through {@link dev.registryedge.handler.core.EventTree}), pass-through or a
 * redirect out, the request's deadline, role-key renewal, the decision log. It reaches the world
 * only through small interfaces the adapters implement ({@code ObjectStore}, {@code UrlSigner},
 * {@code RoleKeys.AssumeRole}, {@code Clock}) and writes nothing but its log lines to a stream.
 * Written to compile to JavaScript as well: no reflection, regular expressions, {@code java.time}
 * or {@code String.format}.
 */
package dev.registryedge.handler.core;
