package dev.registryedge.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * CloudFront's text formats: W3C (a {@code #Fields:} header names the fields; legacy standard
 * logs and v2's W3C) and Plain (v2's values without a header, in the order the delivery was
 * configured with), with any field delimiter, found from the first request line: of tab, space,
 * comma, bar and semicolon, the one that splits it into as many fields as there are names. Read
 * as bytes: fields are found in the same pass that finds the line's end, and only the few the
 * report needs become (interned) Strings.
 */
final class DelimitedLog {

    /**
     * The fields of a Plain file when the command line names none: the standard log fields in
     * the order of legacy logs, which is also the order v2 lists them in.
     */
    static final List<String> STANDARD_FIELDS = List.of("date", "time", "x-edge-location", "sc-bytes", "c-ip",
            "cs-method", "cs(Host)", "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query",
            "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header", "cs-protocol", "cs-bytes",
            "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type",
            "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte",
            "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");
    private static final byte[] DELIMITERS = {'\t', ' ', ',', '|', ';'};

    private DelimitedLog() {}

    /** What is wrong with a list of fields for a Plain file (a field named twice, one the report needs missing), or null. */
    static String refusal(List<String> fields) {
        return new Columns(fields).refusal;
    }

    /** Where each field the report reads is among a file's columns. */
    private static final class Columns {
        final int count;
        /** The field of each column, or null. */
        final LogField[] fields;
        final int[] starts;
        /** What is wrong with the names for this file, or null. */
        String refusal;
        final List<String> unknown = new ArrayList<>();
        /** The columns that hold a field the report reads, and those fields. */
        final int[] read;
        final LogField[] readAs;
        byte delimiter;

        Columns(List<String> names) {
            count = names.size();
            fields = new LogField[count];
            starts = new int[count + 1];
            Set<String> seen = new HashSet<>();
            Set<LogField> present = new HashSet<>();
            List<String> duplicated = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = names.get(i);
                if (!seen.add(name) || (LogField.named(name) != null && !present.add(LogField.named(name)))) {
                    duplicated.add(name);
                }
                fields[i] = LogField.named(name);
                if (!LogField.isKnown(name)) {
                    unknown.add(name);
                }
            }
            read = IntStream.range(0, count).filter(i -> fields[i] != null).toArray();
            readAs = Arrays.stream(read).mapToObj(i -> fields[i]).toArray(LogField[]::new);
            String lacking = LogRecord.lacking(present::contains);
            if (!duplicated.isEmpty()) {
                refusal = "the fields name " + String.join(", ", duplicated) + " twice, so which value counts is"
                        + " unknown; the file is skipped";
            } else if (lacking != null) {
                refusal = "the fields lack " + lacking + "; the rest of the file is skipped";
            }
        }
    }

    /**
     * Reads a file's lines into the tally.
     *
     * @param plainFields the fields of a file without a header (Plain), or null for W3C
     * @param timestamped whether each line starts with a timestamp and a space (a CloudWatch Logs export)
     * @param distribution the file's distribution, when its records do not say; may be null
     */
    static void read(String name, LineReader lines, List<String> plainFields, boolean timestamped,
            String distribution, Tally tally, Problems problems) throws IOException {
        Columns columns = plainFields == null ? null : new Columns(plainFields);
        if (columns != null && columns.refusal != null) {
            problems.add(name, 0, "--fields: " + columns.refusal);
            return;
        }
        LogRecord record = new LogRecord();
        while (columns == null || columns.delimiter == 0 || timestamped
                ? lines.next() : lines.next(columns.delimiter, columns.starts, columns.count)) {
            if (lines.tooLong()) {
                tally.lines++;
                problems.add(name, lines.number, "longer than " + LineReader.MAX_LINE + " bytes; skipped");
                continue;
            }
            int start = lines.start;
            if (timestamped && start < lines.end) {
                while (start < lines.end && lines.buffer[start] != ' ') {
                    start++;
                }
                if (start == lines.end) {
                    tally.lines++;
                    problems.add(name, lines.number, "no timestamp and space before the record, as a CloudWatch Logs"
                            + " export has; skipped");
                    continue;
                }
                start++;
            }
            if (start == lines.end) {
                continue;
            }
            if (lines.buffer[start] == '#') {
                String line = new String(lines.buffer, start, lines.end - start, StandardCharsets.UTF_8);
                if (line.startsWith("#Fields:")) {
                    // Names apart by spaces, as W3C has them, or by the delimiter the values use.
                    columns = new Columns(List.of(line.substring("#Fields:".length()).trim().split("[\\s,|;]+")));
                    if (!columns.unknown.isEmpty()) {
                        problems.add(name, lines.number, "fields no CloudFront log has, ignored: "
                                + clip(String.join(", ", columns.unknown)));
                    }
                    if (columns.refusal != null) {
                        problems.add(name, lines.number, columns.refusal);
                        return;
                    }
                }
                continue;
            }
            if (columns == null) {
                problems.add(name, lines.number, "a request before any #Fields: header; the file is skipped");
                return;
            }
            int fields;
            if (columns.delimiter == 0 || timestamped) {
                if (columns.delimiter == 0) {
                    columns.delimiter = delimiter(lines.buffer, start, lines.end, columns);
                    if (columns.delimiter == 0) {
                        tally.lines++;
                        problems.add(name, lines.number, "no delimiter splits the line into the " + columns.count
                                + " fields named");
                        continue;
                    }
                }
                fields = split(lines.buffer, start, lines.end, columns);
            } else {
                fields = lines.fields;
            }
            if (fields != columns.count) {
                tally.lines++;
                problems.add(name, lines.number, (fields > columns.count ? "more than " : "") + fields + " fields,"
                        + " the file names " + columns.count);
                continue;
            }
            columns.starts[0] = start;
            columns.starts[columns.count] = lines.end + 1;
            record.buffer = lines.buffer;
            int[] starts = columns.starts;
            for (int i = 0; i < columns.read.length; i++) {
                int column = columns.read[i];
                record.set(columns.readAs[i], starts[column], starts[column + 1] - 1);
            }
            String problem = record.addTo(tally, distribution);
            if (problem != null) {
                problems.add(name, lines.number, problem);
            }
        }
        if (columns == null) {
            problems.add(name, lines.number, "no #Fields: header, so no request could be read");
        }
    }

    /**
     * Of the delimiters CloudFront offers, the one that splits the line into as many fields as
     * there are names and puts digits where the status and the size go; 0 when none does. A
     * value that holds another candidate (a user agent with spaces) cannot make it pick wrong.
     */
    private static byte delimiter(byte[] line, int from, int to, Columns columns) {
        for (byte delimiter : DELIMITERS) {
            columns.delimiter = delimiter;
            if (split(line, from, to, columns) == columns.count) {
                columns.starts[0] = from;
                columns.starts[columns.count] = to + 1;
                if (digits(line, columns, LogField.STATUS) && digits(line, columns, LogField.SC_BYTES)) {
                    return delimiter;
                }
            }
        }
        columns.delimiter = 0;
        return 0;
    }

    private static boolean digits(byte[] line, Columns columns, LogField field) {
        for (int i = 0; i < columns.count; i++) {
            if (columns.fields[i] == field) {
                int start = columns.starts[i];
                int end = columns.starts[i + 1] - 1;
                for (int at = start; at < end; at++) {
                    if (line[at] < '0' || line[at] > '9') {
                        return false;
                    }
                }
                return end > start;
            }
        }
        return true;
    }

    /** Records where each field starts in {@code columns.starts}; the number of fields, at most count + 1. */
    private static int split(byte[] line, int from, int to, Columns columns) {
        int field = 1;
        for (int i = from; i < to; i++) {
            if (line[i] == columns.delimiter) {
                if (field <= columns.count) {
                    columns.starts[field] = i + 1;
                }
                field++;
            }
        }
        return Math.min(field, columns.count + 1);
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
