package dev.registryedge.cli.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte slices of a log line to Strings, each distinct value made once: a column such as the
 * client address or the blob path repeats across millions of lines, and reading it without
 * allocating is most of what makes the report as fast as decompression. Each entry can carry a
 * value worked out once for it (the blob a path names, the decoded user agent). Forgets
 * everything past {@code limit} entries, so memory stays bounded. One per thread.
 */
final class Interner<V> {

    /** A distinct value and what was worked out for it. */
    static final class Entry<V> {
        final String text;
        V value;
        private final byte[] bytes;
        private final int hash;

        Entry(byte[] bytes, int hash) {
            this.bytes = bytes;
            this.hash = hash;
            this.text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private final int limit;
    private Entry<V>[] table;
    private int size;

    Interner(int limit) {
        this.limit = limit;
        this.table = newTable(1024);
    }

    Entry<V> intern(byte[] buffer, int from, int to) {
        // The length, the last 24 bytes and 8 from the middle tell values apart well enough (a
        // blob path's digest, an address) at a fraction of hashing the whole slice; equality
        // still compares all of it.
        int hash = to - from;
        for (int i = Math.max(from, to - 24); i < to; i++) {
            hash = 31 * hash + buffer[i];
        }
        // And a few bytes from the middle: user agents share their ends and differ inside.
        for (int i = from + (to - from) / 2, end = Math.min(to, i + 8); i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int mask = table.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            Entry<V> entry = table[slot];
            if (entry == null) {
                if (size >= limit) {
                    clear();
                    return intern(buffer, from, to);
                }
                entry = new Entry<>(Arrays.copyOfRange(buffer, from, to), hash);
                table[slot] = entry;
                if (++size * 2 > table.length) {
                    grow();
                }
                return entry;
            }
            if (entry.hash == hash && Arrays.equals(entry.bytes, 0, entry.bytes.length, buffer, from, to)) {
                return entry;
            }
        }
    }

    private void grow() {
        Entry<V>[] old = table;
        table = newTable(old.length * 2);
        int mask = table.length - 1;
        for (Entry<V> entry : old) {
            if (entry != null) {
                int slot = mix(entry.hash) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }

    private void clear() {
        table = newTable(1024);
        size = 0;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16) * 0x45d9f3b;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int capacity) {
        return (Entry<V>[]) new Entry[capacity];
    }
}
