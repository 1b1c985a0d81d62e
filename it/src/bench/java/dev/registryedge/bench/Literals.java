package dev.registryedge.bench;

/** How the hand-written alternatives parse a literal: the plain way, with split and parseInt. */
final class Literals {

    private Literals() {}

    static long dottedQuad(String literal) {
        String[] parts = literal.split("\\.");
        return (Long.parseLong(parts[0]) << 24) | (Long.parseLong(parts[1]) << 16) | (Long.parseLong(parts[2]) << 8)
                | Long.parseLong(parts[3]);
    }
}
