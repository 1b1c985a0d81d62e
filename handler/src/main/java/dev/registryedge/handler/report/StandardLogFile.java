package dev.registryedge.handler.report;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * Reads the file into the tally.
     *
     * @return whether any request line was read
     */
    static boolean read(Path file, String distribution, Tally tally, Problems problems) {
        String name = file.toString();
        long lineNumber = 0;
        long read = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
            Columns columns = null;
            for (String line; (line = lines.readLine()) != null; ) {
                lineNumber++;
                if (line.startsWith("#")) {
                    if (line.startsWith("#Fields:")) {
                        columns = Columns.of(line.substring("#Fields:".length()).trim().split("\\s+"));
                        if (!columns.unknown.isEmpty()) {
                            problems.add(name, lineNumber, "unknown columns ignored: " + String.join(", ", columns.unknown));
                        }
                        if (!columns.missing.isEmpty()) {
                            problems.add(name, lineNumber, "#Fields lacks " + String.join(", ", columns.missing)
                                    + "; the rest of the file is skipped");
                            return read > 0;
                        }
                    }
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                if (columns == null) {
                    problems.add(name, lineNumber, "a request before any #Fields: header; the file is skipped");
                    return false;
                }
                String problem = columns.request(line, distribution, tally);
                if (problem != null) {
                    problems.add(name, lineNumber, problem);
                } else {
                    read++;
                }
            }
        } catch (EOFException | ZipException truncated) {
            problems.add(name, lineNumber + 1, "truncated or corrupt gzip; the " + read
                    + " requests before it were counted");
        } catch (IOException e) {
            problems.add(name, lineNumber, "cannot be read: " + e.getMessage());
        }
        return read > 0;
    }

    /** Where each needed column is in a line, from the #Fields header. */
    private static final class Columns {
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
        int[] resultTypes;

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
            columns.resultTypes = RESULT_TYPES.stream().filter(index::containsKey).mapToInt(index::get).toArray();
            return columns;
        }

        /** Adds one request line to the tally; the problem with it, or null. */
        String request(String line, String distribution, Tally tally) {
            tally.lines++;
            int[] starts = new int[count + 1];
            int fields = 1;
            for (int i = line.indexOf('\t'); i >= 0 && fields <= count; i = line.indexOf('\t', i + 1)) {
                starts[fields++] = i + 1;
            }
            if (fields != count) {
                return fields + " fields, the #Fields header has " + count;
            }
            starts[count] = line.length() + 1;
            String date = field(line, starts, this.date);
            if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
                return "date '" + date + "' is not yyyy-MM-dd";
            }
            long bytes;
            int statusCode;
            try {
                bytes = Long.parseLong(field(line, starts, scBytes));
                statusCode = Integer.parseInt(field(line, starts, status));
            } catch (NumberFormatException e) {
                return "sc-bytes or sc-status is not a number: " + e.getMessage();
            }
            boolean byFunction = statusCode == 307;
            if (byFunction && resultTypes.length > 0) {
                byFunction = false;
                for (int column : resultTypes) {
                    byFunction |= field(line, starts, column).equals("LambdaGeneratedResponse");
                }
            }
            long fullSize = -1;
            if (statusCode == 200 && (rangeStart < 0 || field(line, starts, rangeStart).equals("-"))) {
                String length = contentLength < 0 ? "-" : field(line, starts, contentLength);
                try {
                    fullSize = length.equals("-") ? bytes : Long.parseLong(length);
                } catch (NumberFormatException e) {
                    return "sc-content-len '" + length + "' is not a number";
                }
            }
            String agent = userAgent < 0 ? null : field(line, starts, userAgent);
            if (agent != null && agent.indexOf('%') >= 0) {
                try {
                    agent = URLDecoder.decode(agent.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // Left as logged: only a debug override needs it decoded.
                }
            }
            tally.request(date, distribution, field(line, starts, edge), field(line, starts, clientIp),
                    field(line, starts, method), field(line, starts, uri), statusCode, byFunction, bytes, fullSize,
                    "-".equals(agent) ? null : agent);
            return null;
        }

        private static String field(String line, int[] starts, int column) {
            return line.substring(starts[column], starts[column + 1] - 1);
        }
    }
}
