package dev.registryedge.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a stream, one at a time, in a fixed buffer of bytes, never more than
 * {@link #MAX_LINE} of them kept: a longer line is read past in constant memory and reported
 * as {@link #tooLong()}, so that no input (a gzip bomb inflating to one line of gigabytes) costs
 * more than its length in time or the buffer in memory. For a text format one pass over a line
 * also records where each field starts.
 */
final class LineReader {

    /**
     * The longest line read, in bytes. CloudFront bounds what a log line can hold: a URL of at
     * most 8,192 bytes and headers of at most 20 KB are what it accepts, and longer ones are
     * logged cut short; 64 KB holds any record of every field with room to spare.
     */
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    final byte[] buffer = new byte[4 * MAX_LINE];
    /** The current line: {@code buffer[start, end)}, without its line break. */
    int start;
    int end;
    /** Where each field of the current line starts, for {@link #next(byte, int[], int)}; the count found. */
    int fields;
    long number;
    private boolean tooLong;
    private int next;
    private int filled;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line, not splitting it; false at the end of the stream. */
    boolean next() throws IOException {
        return next((byte) '\n', null, 0);
    }

    /**
     * Moves to the next line; false at the end of the stream.
     *
     * @param delimiter the field delimiter, or {@code '\n'} to split nothing
     * @param starts where field i+1 starts is written to {@code starts[i+1]}, for the first
     *     {@code count} fields; {@code starts[0]} is left to the caller
     */
    boolean next(byte delimiter, int[] starts, int count) throws IOException {
        int from = next;
        tooLong = false;
        while (true) {
            int newline = scan(from, delimiter, starts, count);
            if (newline >= 0 || eof) {
                if (newline < 0) {
                    if (from >= filled) {
                        return false;
                    }
                    newline = filled;
                }
                next = newline + 1;
                number++;
                if (newline - from > MAX_LINE) {
                    tooLong = true;
                    start = from;
                    end = from;
                    return true;
                }
                start = from;
                end = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                return true;
            }
            if (filled - from > MAX_LINE) {
                skipLine();
                number++;
                tooLong = true;
                start = 0;
                end = 0;
                return true;
            }
            from = refill(from);
        }
    }

    /** Whether the current line was longer than {@link #MAX_LINE} and read past (it is then empty). */
    boolean tooLong() {
        return tooLong;
    }

    /** The index of the line break from {@code from}, or -1; records the delimiters on the way. */
    private int scan(int from, byte delimiter, int[] starts, int count) {
        byte[] bytes = buffer;
        int limit = filled;
        if (starts == null || (from < limit && bytes[from] == '#')) {
            for (int i = from; i < limit; i++) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
        int field = 1;
        for (int i = from; i < limit; i++) {
            byte b = bytes[i];
            if (b == delimiter) {
                if (field <= count) {
                    starts[field] = i + 1;
                }
                field++;
            } else if (b == '\n') {
                fields = Math.min(field, count + 1);
                return i;
            }
        }
        fields = Math.min(field, count + 1);
        return -1;
    }

    /** Reads past the rest of an over-long line (all of it read so far is in the buffer), keeping nothing of it. */
    private void skipLine() throws IOException {
        filled = 0;
        next = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    System.arraycopy(buffer, i + 1, buffer, 0, n - i - 1);
                    filled = n - i - 1;
                    return;
                }
            }
        }
    }

    /** Keeps the unfinished line from {@code from}, reads more behind it; returns where it now starts. */
    private int refill(int from) throws IOException {
        if (from > 0) {
            System.arraycopy(buffer, from, buffer, 0, filled - from);
            filled -= from;
        }
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
        return 0;
    }

    String text() {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
}
