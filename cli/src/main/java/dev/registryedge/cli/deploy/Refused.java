package dev.registryedge.cli.deploy;

/** A distribution or account a command will not change, with the reason, for its output line. */
final class Refused extends RuntimeException {
    Refused(String message) {
        super(message);
    }
}
