/**
 * The command line in the runnable jar: replays captured viewer-request events through the
 * handler and explains where an address is placed.
 */
package dev.registryedge.cli;
