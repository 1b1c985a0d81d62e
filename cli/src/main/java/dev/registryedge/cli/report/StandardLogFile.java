package dev.registryedge.cli.report;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One CloudFront standard log file as CloudFront writes it to S3: W3C text, gzip when the name
 * ends in {@code .gz}, named {@code <distribution-id>.<yyyy-MM-dd-HH>.<unique>.gz}, columns as
 * its {@code #Fields:} header says (never by position). Lines that cannot be read are counted as
 * problems with their {@code file:line}; the rest of the file is still read.
 */
final class StandardLogFile {

    private static final Pattern NAME = Pattern.compile("([A-Z0-9]+)\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+(\\.gz)?");
    /** The columns CloudFront's standard (legacy) logs have; others are reported once and ignored. */
    private static final Set<String> KNOWN = Set.of("date", "time", "x-edge-location", "sc-bytes", "c-ip",
            "cs-method", "cs(Host)", "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query",
            "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header", "cs-protocol", "cs-bytes",
            "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type",
            "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte",
            "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");
    private static final List<String> REQUIRED = List.of("date", "x-edge-location", "sc-bytes", "c-ip", "cs-method",
            "cs-uri-stem", "sc-status");
    private static final List<String> RESULT_TYPES = List.of("x-edge-result-type", "x-edge-response-result-type",
            "x-edge-detailed-result-type");

    private StandardLogFile() {}

    /** The distribution a file's name says it is from, or null. */
    static String distributionOf(Path file) {
        var matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Reads the file into the tally, as bytes: fields are found by their tabs and only the few
     * the report needs become (interned) Strings.
     *
     * @return whether any request line was read
     */
    static boolean read(Path file, String distribution, Tally tally, Problems problems) {
        String name = file.toString();
        Lines lines = null;
        long read = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            lines = new Lines(in);
            Columns columns = null;
            while (lines.next(columns)) {
                if (lines.isComment()) {
                    String line = lines.text();
                    if (line.startsWith("#Fields:")) {
                        columns = Columns.of(line.substring("#Fields:".length()).trim().split("\\s+"));
                        if (!columns.unknown.isEmpty()) {
                            problems.add(name, lines.number, "unknown columns ignored: "
                                    + String.join(", ", columns.unknown));
                        }
                        if (!columns.missing.isEmpty()) {
                            problems.add(name, lines.number, "#Fields lacks " + String.join(", ", columns.missing)
                                    + "; the rest of the file is skipped");
                            return read > 0;
                        }
                    }
                } else if (!lines.isEmpty()) {
                    if (columns == null) {
                        problems.add(name, lines.number, "a request before any #Fields: header; the file is skipped");
                        return false;
                    }
                    String problem = columns.request(lines.buffer, lines.start, lines.end, lines.fields, distribution,
                            tally);
                    if (problem != null) {
                        problems.add(name, lines.number, problem);
                    } else {
                        read++;
                    }
                }
            }
            if (columns == null) {
                problems.add(name, lines.number, "no #Fields: header, so no request could be read");
            }
        } catch (EOFException | ZipException truncated) {
            problems.add(name, lines == null ? 1 : lines.number + 1, "truncated or corrupt gzip; the " + read
                    + " requests before it were counted");
        } catch (IOException e) {
            problems.add(name, lines == null ? 0 : lines.number, "cannot be read: " + e.getMessage());
        }
        return read > 0;
    }

    /**
     * The lines of a stream, one at a time, in a buffer of bytes; for a request line, one pass
     * also records where each field starts. Small methods called once per line, so that the JIT
     * compiles them within the first file.
     */
    private static final class Lines {
        private final InputStream in;
        byte[] buffer = new byte[1 << 18];
        /** The current line: {@code buffer[start, end)}, without its line break. */
        int start;
        int end;
        int fields;
        long number;
        private int next;
        private int filled;
        private boolean eof;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Moves to the next line; false at the end of the stream. */
        boolean next(Columns columns) throws IOException {
            int from = next;
            while (true) {
                int newline = scan(from, columns);
                if (newline >= 0 || eof) {
                    if (newline < 0) {
                        if (from >= filled) {
                            return false;
                        }
                        newline = filled;
                    }
                    start = from;
                    end = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                    next = newline + 1;
                    number++;
                    return true;
                }
                from = refill(from);
            }
        }

        /** The index of the line break from {@code from}, or -1; records the tabs of a request line. */
        private int scan(int from, Columns columns) {
            byte[] bytes = buffer;
            int limit = filled;
            if (columns == null || (from < limit && bytes[from] == '#')) {
                for (int i = from; i < limit; i++) {
                    if (bytes[i] == '\n') {
                        return i;
                    }
                }
                return -1;
            }
            int[] starts = columns.starts;
            int count = columns.count;
            int field = 1;
            for (int i = from; i < limit; i++) {
                byte b = bytes[i];
                if (b == '\t') {
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

        /** Keeps the unfinished line from {@code from}, reads more behind it; returns where it now starts. */
        private int refill(int from) throws IOException {
            if (from > 0) {
                System.arraycopy(buffer, from, buffer, 0, filled - from);
                filled -= from;
            }
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
            return 0;
        }

        boolean isComment() {
            return end > start && buffer[start] == '#';
        }

        boolean isEmpty() {
            return end == start;
        }

        String text() {
            return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** Where each needed column is in a line, from the #Fields header. */
    private static final class Columns {
        private static final byte[] GET = "GET".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BY_FUNCTION = "LambdaGeneratedResponse".getBytes(StandardCharsets.US_ASCII);

        final List<String> unknown = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        int count;
        int date;
        int edge;
        int scBytes;
        int clientIp;
        int method;
        int uri;
        int status;
        int userAgent = -1;
        int contentLength = -1;
        int rangeStart = -1;
        int requestId = -1;
        int[] resultTypes;
        int[] starts;

        static Columns of(String[] names) {
            Columns columns = new Columns();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.put(names[i], i);
                if (!KNOWN.contains(names[i])) {
                    columns.unknown.add(names[i]);
                }
            }
            for (String required : REQUIRED) {
                if (!index.containsKey(required)) {
                    columns.missing.add(required);
                }
            }
            columns.count = names.length;
            columns.starts = new int[names.length + 1];
            columns.date = index.getOrDefault("date", -1);
            columns.edge = index.getOrDefault("x-edge-location", -1);
            columns.scBytes = index.getOrDefault("sc-bytes", -1);
            columns.clientIp = index.getOrDefault("c-ip", -1);
            columns.method = index.getOrDefault("cs-method", -1);
            columns.uri = index.getOrDefault("cs-uri-stem", -1);
            columns.status = index.getOrDefault("sc-status", -1);
            columns.userAgent = index.getOrDefault("cs(User-Agent)", -1);
            columns.contentLength = index.getOrDefault("sc-content-len", -1);
            columns.rangeStart = index.getOrDefault("sc-range-start", -1);
            columns.requestId = index.getOrDefault("x-edge-request-id", -1);
            columns.resultTypes = RESULT_TYPES.stream().filter(index::containsKey).mapToInt(index::get).toArray();
            return columns;
        }

        /**
         * Adds one request line ({@code line[from, to)}, its tabs already in {@link #starts}) to the
         * tally; the problem with it, or null.
         */
        String request(byte[] line, int from, int to, int fields, String distribution, Tally tally) {
            tally.lines++;
            starts[0] = from;
            if (fields != count) {
                return fields + " fields, the #Fields header has " + count;
            }
            starts[count] = to + 1;
            int dateFrom = starts[date];
            if (!isDate(line, dateFrom, end(date))) {
                return "date '" + text(line, date) + "' is not yyyy-MM-dd";
            }
            long bytes = number(line, scBytes);
            long statusCode = number(line, status);
            if (bytes < 0 || statusCode < 0) {
                return "sc-bytes '" + text(line, scBytes) + "' or sc-status '" + text(line, status)
                        + "' is not a number";
            }
            boolean byFunction = statusCode == 307;
            if (byFunction && resultTypes.length > 0) {
                byFunction = false;
                for (int column : resultTypes) {
                    byFunction |= is(line, column, BY_FUNCTION);
                }
            }
            long fullSize = -1;
            if (statusCode == 200 && (rangeStart < 0 || isDash(line, rangeStart))) {
                if (contentLength < 0 || isDash(line, contentLength)) {
                    fullSize = bytes;
                } else if ((fullSize = number(line, contentLength)) < 0) {
                    return "sc-content-len '" + text(line, contentLength) + "' is not a number";
                }
            }
            String agent = null;
            if (userAgent >= 0 && !isDash(line, userAgent)) {
                Interner.Entry<String> entry = tally.userAgents.intern(line, starts[userAgent], end(userAgent));
                if (entry.value == null) {
                    entry.value = decoded(entry.text);
                }
                agent = entry.value;
            }
            String id = byFunction && requestId >= 0 && tally.hasDecisions() ? text(line, requestId) : null;
            tally.request(tally.words.intern(line, dateFrom, end(date)).text, distribution,
                    tally.words.intern(line, starts[edge], end(edge)).text,
                    tally.addresses.intern(line, starts[clientIp], end(clientIp)).text,
                    tally.paths.intern(line, starts[uri], end(uri)), is(line, method, GET), (int) statusCode,
                    byFunction, bytes, fullSize, agent, id);
            return null;
        }

        /** yyyy-MM-dd, digits where digits go. */
        private static boolean isDate(byte[] line, int from, int to) {
            if (to - from != 10) {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                byte b = line[from + i];
                if (i == 4 || i == 7 ? b != '-' : b < '0' || b > '9') {
                    return false;
                }
            }
            return true;
        }

        private int end(int column) {
            return starts[column + 1] - 1;
        }

        /** A non-negative decimal field, or -1. */
        private long number(byte[] line, int column) {
            int from = starts[column];
            int to = end(column);
            if (from == to || to - from > 18) {
                return -1;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                int digit = line[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        private boolean is(byte[] line, int column, byte[] expected) {
            return Arrays.equals(line, starts[column], end(column), expected, 0, expected.length);
        }

        private boolean isDash(byte[] line, int column) {
            return end(column) - starts[column] == 1 && line[starts[column]] == '-';
        }

        private String text(byte[] line, int column) {
            return new String(line, starts[column], end(column) - starts[column], StandardCharsets.ISO_8859_1);
        }

        /** The user agent as the client sent it (CloudFront logs it URL-encoded). */
        private static String decoded(String logged) {
            if (logged.indexOf('%') < 0) {
                return logged;
            }
            try {
                return URLDecoder.decode(logged.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return logged;
            }
        }
    }
}
