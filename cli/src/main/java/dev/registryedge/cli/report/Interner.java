package dev.registryedge.cli.report;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Byte slices of a log line to Strings, each distinct value made once: a column such as the blob
 * path or the edge location repeats across millions of lines, and reading it without allocating
 * is most of what makes the report as fast as decompression. Each entry can carry a value worked
 * out once for it (the blob a path names, whether a date is a real day). One per thread.
 *
 * <p>A log holds what clients sent, so the table must not be floodable. The hash covers the
 * whole slice and is keyed with a seed drawn for each run, which keeps accidental clusters
 * away; what guarantees the cost is the bound on probes: a slice whose probe sequence runs
 * longer than {@link #MAX_PROBES} is answered with an entry of its own that is not kept, so that
 * no input, even one made to collide whatever the seed, makes a lookup cost more than that many
 * comparisons. Forgets everything past {@code limit} entries, so memory stays bounded.
 */
final class Interner<V> {

    /** A distinct value and what was worked out for it. */
    static final class Entry<V> {
        V value;
        private final byte[] bytes;
        private final long hash;
        private final boolean keepText;
        private String text;

        Entry(byte[] bytes, long hash, boolean keepText) {
            this.bytes = bytes;
            this.hash = hash;
            this.keepText = keepText;
        }

        /**
         * The slice as a String: kept once made, unless its interner keeps none (a path's is
         * needed once or twice, and memory near the table is what makes lookups fast).
         */
        String text() {
            String made = text;
            if (made == null) {
                made = new String(bytes, StandardCharsets.ISO_8859_1);
                if (keepText) {
                    text = made;
                }
            }
            return made;
        }
    }

    static final int MAX_PROBES = 32;
    private static final long SEED = new SecureRandom().nextLong();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A hash of a byte slice. */
    interface Hash {
        long of(byte[] buffer, int from, int to);
    }

    private final int limit;
    private final boolean keepText;
    private final Hash hash;
    private Entry<V>[] table;
    private int size;

    /** @param keepText whether an entry keeps its String once made */
    Interner(int limit, boolean keepText) {
        this(limit, keepText, Interner::hash);
    }

    /** With a hash of the caller's: a test's, to make every slice collide. */
    Interner(int limit, boolean keepText, Hash hash) {
        this.limit = limit;
        this.keepText = keepText;
        this.hash = hash;
        this.table = newTable(1024);
    }

    Entry<V> intern(byte[] buffer, int from, int to) {
        long hash = this.hash.of(buffer, from, to);
        int mask = table.length - 1;
        int slot = (int) (hash >>> 32) & mask;
        for (int probes = 0; probes < MAX_PROBES; probes++, slot = (slot + 1) & mask) {
            Entry<V> entry = table[slot];
            if (entry == null) {
                if (size >= limit) {
                    clear();
                    return intern(buffer, from, to);
                }
                entry = new Entry<>(Arrays.copyOfRange(buffer, from, to), hash, keepText);
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
        return new Entry<>(Arrays.copyOfRange(buffer, from, to), hash, keepText);
    }

    /** Eight bytes at a time, every byte of the slice, keyed with the run's seed. */
    static long hash(byte[] buffer, int from, int to) {
        long h = SEED ^ ((to - from) * 0x9E3779B97F4A7C15L);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = mix(h ^ (long) LONGS.get(buffer, i));
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (buffer[i] & 0xffL) << shift;
        }
        return mix(mix(h ^ tail));
    }

    private static long mix(long h) {
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    private void grow() {
        Entry<V>[] old = table;
        table = newTable(old.length * 2);
        size = 0;
        int mask = table.length - 1;
        for (Entry<V> entry : old) {
            if (entry != null) {
                int slot = (int) (entry.hash >>> 32) & mask;
                for (int probes = 0; probes < MAX_PROBES && table[slot] != null; probes++) {
                    slot = (slot + 1) & mask;
                }
                if (table[slot] == null) {
                    table[slot] = entry;
                    size++;
                }
            }
        }
    }

    private void clear() {
        table = newTable(1024);
        size = 0;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int capacity) {
        return (Entry<V>[]) new Entry[capacity];
    }
}
