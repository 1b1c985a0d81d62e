package dev.registryedge.cli.report;

/** Requests and bytes of a cell; requests whose size no log line told are counted apart, never guessed. */
final class Counts {
    long requests;
    long bytes;
    long unknownBytesRequests;

    void add(Counts other) {
        requests += other.requests;
        bytes += other.bytes;
        unknownBytesRequests += other.unknownBytesRequests;
    }
}
