package dev.registryedge.cli.report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One access log record, whatever format it came in: where each field the report reads lies in
 * a buffer of bytes (the line itself for text formats, a scratch buffer for JSON and Parquet),
 * and the rules that turn it into one request of the {@link Tally}, the same for every format.
 * Anything a record says that no CloudFront response can be (a date that is no day, a size
 * beyond what one response can carry, a status that is no HTTP status) makes it a problem and
 * leaves the tally untouched.
 */
final class LogRecord {

    /**
     * The most one response can carry, in bytes: the largest object S3 stores, 5 TB (CloudFront's
     * quotas page, read 2026-12-02, bounds only what it caches, at 50 GB). Anything above that in
     * {@code sc-bytes} or {@code sc-content-len} is not a real response.
     */
    static final long MAX_RESPONSE_BYTES = 5L << 40;
    /**
     * The most bytes one worker sums, 8 PiB: far beyond a fleet's month (AWS's last price tier
     * starts at 5 PB), and low enough that no sum of the workers' totals overflows.
     */
    static final long MAX_BYTES_SUMMED = 1L << 53;
    /** The days a log can be from: CloudFront's standard logs begin in 2008; later than 2099 is no day yet. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    private static final byte[] GET = "GET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BY_FUNCTION = "LambdaGeneratedResponse".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEBUG_AGENT = "debugregistry".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLOB_PATHS = Tally.BLOB_PATHS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLOB_KEY_PREFIX = "/docker/registry/v2/blobs/sha256/".getBytes(StandardCharsets.US_ASCII);
    /** The length of every blob path, {@code /docker/registry/v2/blobs/sha256/<2>/<64>/data}. */
    private static final int BLOB_PATH_LENGTH = BLOB_KEY_PREFIX.length + 2 + 1 + 64 + "/data".length();
    /**
     * What every other path stands for: only blob paths are kept in a table (a client can send
     * any number of distinct paths of up to 8 KB; a table of them would grow with what clients send).
     */
    private static final Interner.Entry<Object> NOT_A_BLOB = marker(Tally.NOT_A_BLOB);
    private static final Interner.Entry<Object> NOT_A_BLOB_ON_BLOB_PATHS = marker(Tally.NOT_A_BLOB_ON_BLOB_PATHS);
    /** The longest edge location or distribution id kept: CloudFront's are a dozen characters. */
    private static final int MAX_NAME = 64;
    private static final LogField[] RESULT_TYPES = {LogField.RESULT_TYPE, LogField.RESPONSE_RESULT_TYPE,
        LogField.DETAILED_RESULT_TYPE};

    byte[] buffer;
    /** Where each field starts and ends in {@link #buffer}, by {@link LogField#ordinal()}; -1 when absent. */
    final int[] from = new int[LogField.ALL.length];
    final int[] to = new int[LogField.ALL.length];
    private long lastEpochDay = Long.MIN_VALUE;
    private String lastDay;

    private byte[] scratch;
    private int used;

    LogRecord() {
        clear();
    }

    private static Interner.Entry<Object> marker(Object kind) {
        Interner.Entry<Object> entry = new Interner.Entry<>(new byte[0], 0, false);
        entry.value = kind;
        return entry;
    }

    void clear() {
        Arrays.fill(from, -1);
    }

    /** Starts a record whose values are given as text ({@link #put}), as JSON and Parquet give them. */
    void clearForText() {
        clear();
        if (scratch == null) {
            scratch = new byte[2 * LineReader.MAX_LINE];
        }
        buffer = scratch;
        used = 0;
    }

    /** A field's value, as UTF-8; false when the record's values would exceed {@link LineReader#MAX_LINE}. */
    boolean put(LogField field, String text) {
        if (used + 3L * text.length() > LineReader.MAX_LINE) {
            return false;
        }
        int start = used;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                scratch[used++] = (byte) c;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, scratch, used, bytes.length);
                used += bytes.length;
            }
        }
        set(field, start, used);
        return true;
    }

    boolean has(LogField field) {
        return from[field.ordinal()] >= 0;
    }

    void set(LogField field, int start, int end) {
        from[field.ordinal()] = start;
        to[field.ordinal()] = end;
    }

    /**
     * What a set of fields lacks to be read, or null: the request's day, where, who, what and
     * the answer.
     */
    static String lacking(java.util.function.Predicate<LogField> has) {
        StringBuilder missing = new StringBuilder();
        if (!has.test(LogField.DATE) && !has.test(LogField.TIMESTAMP) && !has.test(LogField.TIMESTAMP_MS)) {
            missing.append("date (or timestamp)");
        }
        for (LogField field : new LogField[] {LogField.EDGE, LogField.SC_BYTES, LogField.CLIENT_IP, LogField.METHOD,
            LogField.URI, LogField.STATUS}) {
            if (!has.test(field)) {
                missing.append(missing.length() == 0 ? "" : ", ").append(field.logName());
            }
        }
        return missing.length() == 0 ? null : missing.toString();
    }

    private boolean hasWhatIsNeeded() {
        return (has(LogField.DATE) || has(LogField.TIMESTAMP) || has(LogField.TIMESTAMP_MS)) && has(LogField.EDGE)
                && has(LogField.SC_BYTES) && has(LogField.CLIENT_IP) && has(LogField.METHOD) && has(LogField.URI)
                && has(LogField.STATUS);
    }

    /**
     * Adds the record to the tally.
     *
     * @param distribution the distribution of the file, when no DistributionId field says it; may be null
     * @return the problem with the record, or null when it was counted
     */
    String addTo(Tally tally, String distribution) {
        tally.lines++;
        if (!hasWhatIsNeeded()) {
            return "no " + lacking(this::has);
        }
        String day = day(tally);
        if (day == null) {
            LogField dated = has(LogField.DATE) ? LogField.DATE : has(LogField.TIMESTAMP) ? LogField.TIMESTAMP
                    : LogField.TIMESTAMP_MS;
            return dated.logName() + " '" + clipped(dated) + "' is no day between " + FIRST_DAY + " and " + LAST_DAY;
        }
        if (has(LogField.DISTRIBUTION_ID) && !isDash(LogField.DISTRIBUTION_ID)) {
            if (length(LogField.DISTRIBUTION_ID) > MAX_NAME) {
                return "DistributionId '" + clipped(LogField.DISTRIBUTION_ID) + "' is longer than any distribution's";
            }
            distribution = intern(tally.words, LogField.DISTRIBUTION_ID).text();
        }
        if (distribution == null) {
            return "no DistributionId field, and the file's path names no distribution; give --distribution";
        }
        if (length(LogField.EDGE) > MAX_NAME) {
            return "x-edge-location '" + clipped(LogField.EDGE) + "' is longer than any edge location's";
        }
        long bytes = number(LogField.SC_BYTES);
        if (bytes < 0 || bytes > MAX_RESPONSE_BYTES) {
            return "sc-bytes '" + clipped(LogField.SC_BYTES) + "' is not a size one response can have (0 to "
                    + MAX_RESPONSE_BYTES + ")";
        }
        if (tally.bytesSummed + bytes > MAX_BYTES_SUMMED) {
            return "the logs' sc-bytes add up to more than " + MAX_BYTES_SUMMED + " bytes, more than one report"
                    + " sums; skipped";
        }
        long status = number(LogField.STATUS);
        if (status < 100 || status > 599) {
            return "sc-status '" + clipped(LogField.STATUS) + "' is not an HTTP status";
        }
        boolean redirect = status == 307;
        boolean get = is(LogField.METHOD, GET);
        boolean byFunction = false;
        boolean resultTypeKnown = false;
        if (redirect) {
            for (LogField field : RESULT_TYPES) {
                if (has(field)) {
                    resultTypeKnown = true;
                    byFunction |= is(field, BY_FUNCTION);
                }
            }
        }
        long fullSize = -1;
        if (status == 200 && (!has(LogField.RANGE_START) || isDash(LogField.RANGE_START))) {
            if (!has(LogField.CONTENT_LENGTH) || isDash(LogField.CONTENT_LENGTH)) {
                fullSize = bytes;
            } else {
                fullSize = number(LogField.CONTENT_LENGTH);
                if (fullSize < 0 || fullSize > MAX_RESPONSE_BYTES) {
                    return "sc-content-len '" + clipped(LogField.CONTENT_LENGTH) + "' is not a size one response"
                            + " can have (0 to " + MAX_RESPONSE_BYTES + ")";
                }
            }
        }
        String agent = tally.debugOverrides() && has(LogField.USER_AGENT) && startsWith(LogField.USER_AGENT,
                DEBUG_AGENT) ? decoded(text(LogField.USER_AGENT)) : null;
        // Only a 307 the function may have made is looked up in its decision logs.
        String requestId = redirect && (byFunction || !resultTypeKnown) && has(LogField.REQUEST_ID)
                && tally.hasDecisions() ? text(LogField.REQUEST_ID) : null;
        int ip = LogField.CLIENT_IP.ordinal();
        tally.request(day, distribution, intern(tally.words, LogField.EDGE).text(),
                tally.clients.of(buffer, from[ip], to[ip]), path(tally, get && (status == 307 || status == 304
                        || (status >= 200 && status < 300))), get,
                (int) status, redirect ? (byFunction ? Tally.Origin.FUNCTION : resultTypeKnown ? Tally.Origin.OTHER
                        : Tally.Origin.UNKNOWN) : null, bytes, fullSize, agent, requestId);
        tally.requests++;
        tally.bytesSummed += bytes;
        return null;
    }

    /**
     * The path's entry: from the table for a path shaped like a blob's in a request the tally
     * counts (a GET served or redirected), else what it stands for. What clients send and are
     * refused (404s for made-up digests, HEADs) is never kept.
     */
    private Interner.Entry<Object> path(Tally tally, boolean counted) {
        if (counted && length(LogField.URI) == BLOB_PATH_LENGTH && startsWith(LogField.URI, BLOB_KEY_PREFIX)) {
            return intern(tally.paths, LogField.URI);
        }
        return startsWith(LogField.URI, BLOB_PATHS) ? NOT_A_BLOB_ON_BLOB_PATHS : NOT_A_BLOB;
    }

    private int length(LogField field) {
        return to[field.ordinal()] - from[field.ordinal()];
    }

    /** The request's day (yyyy-MM-dd, interned), or null when the record names no real day. */
    private String day(Tally tally) {
        if (has(LogField.DATE)) {
            if (length(LogField.DATE) != 10) {
                return null;
            }
            Interner.Entry<Object> date = intern(tally.words, LogField.DATE);
            if (date.value == null) {
                date.value = isDay(date.text()) ? Boolean.TRUE : Boolean.FALSE;
            }
            return date.value == Boolean.TRUE ? date.text() : null;
        }
        long seconds;
        if (has(LogField.TIMESTAMP)) {
            // Seconds since 1970 with the milliseconds after a point: 1732093200.123
            int field = LogField.TIMESTAMP.ordinal();
            int point = from[field];
            while (point < to[field] && buffer[point] != '.') {
                point++;
            }
            seconds = digits(from[field], point);
            if (point < to[field] && digits(point + 1, to[field]) < 0) {
                return null;
            }
        } else {
            long millis = number(LogField.TIMESTAMP_MS);
            seconds = millis < 0 ? -1 : millis / 1000;
        }
        if (seconds < 0) {
            return null;
        }
        long epochDay = seconds / 86_400;
        if (epochDay != lastEpochDay) {
            if (epochDay < FIRST_DAY.toEpochDay() || epochDay > LAST_DAY.toEpochDay()) {
                return null;
            }
            lastEpochDay = epochDay;
            lastDay = LocalDate.ofEpochDay(epochDay).toString().intern();
        }
        return lastDay;
    }

    /** yyyy-MM-dd, digits where digits go, a day of the calendar between the bounds. */
    private static boolean isDay(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10));
            return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
        } catch (DateTimeException | NumberFormatException notADay) {
            return false;
        }
    }

    private Interner.Entry<Object> intern(Interner<Object> interner, LogField field) {
        return interner.intern(buffer, from[field.ordinal()], to[field.ordinal()]);
    }

    /** A non-negative decimal field, or -1 (also beyond 18 digits, which no size or status has). */
    private long number(LogField field) {
        return digits(from[field.ordinal()], to[field.ordinal()]);
    }

    private long digits(int start, int end) {
        if (start >= end || end - start > 18) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private boolean is(LogField field, byte[] expected) {
        return Arrays.equals(buffer, from[field.ordinal()], to[field.ordinal()], expected, 0, expected.length);
    }

    private boolean startsWith(LogField field, byte[] prefix) {
        int start = from[field.ordinal()];
        return to[field.ordinal()] - start >= prefix.length
                && Arrays.equals(buffer, start, start + prefix.length, prefix, 0, prefix.length);
    }

    private boolean isDash(LogField field) {
        return to[field.ordinal()] - from[field.ordinal()] == 1 && buffer[from[field.ordinal()]] == '-';
    }

    String text(LogField field) {
        return new String(buffer, from[field.ordinal()], to[field.ordinal()] - from[field.ordinal()],
                StandardCharsets.ISO_8859_1);
    }

    /** A field for a problem's message: at most 40 characters of what a client may have sent. */
    private String clipped(LogField field) {
        String text = text(field);
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The user agent as the client sent it (text formats log it URL-encoded). */
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
