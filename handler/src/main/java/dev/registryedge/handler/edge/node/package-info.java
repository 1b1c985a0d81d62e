/**
 * Node.js built-ins as the JavaScript build sees them: {@code http}, {@code https},
 * {@code timers} and {@code process}, declared in Java (TeaVM JSO) so that no JavaScript is
 * written by hand.
 */
package dev.registryedge.handler.edge.node;
