package dev.registryedge.cli.report;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One file of CloudFront access logs, in whichever format it was delivered, told by its content
 * and never by its name: gzip or not (by its magic bytes), then Parquet, JSON records, a
 * CloudWatch Logs export (each line behind a timestamp), W3C (a {@code #} header) or Plain.
 * The distribution a file is from is, in this order, what each record's {@code DistributionId}
 * says, {@code --distribution}, or its path: a legacy log's name
 * ({@code <distribution-id>.<yyyy-MM-dd-HH>.<unique>.gz}), a Hive-style
 * {@code DistributionId=<id>} folder, or a folder or name prefix that is a distribution of the
 * routing configuration.
 */
final class LogFile {

    /** The formats a file can be in. */
    enum Format { W3C, PLAIN, JSON, CLOUDWATCH_EXPORT_JSON, CLOUDWATCH_EXPORT_PLAIN, PARQUET, EMPTY }

    private static final Pattern LEGACY_NAME = Pattern.compile("([A-Z0-9]+)\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+(\\..+)?");
    private static final Pattern HIVE = Pattern.compile("(?i)DistributionId=([A-Z0-9]+)");
    private static final Pattern ID_PREFIX = Pattern.compile("([A-Z0-9]{8,})[._-].*");
    /** {@code 2024-11-20T10:00:00.000Z }: how a CloudWatch Logs export begins each line. */
    private static final Pattern EXPORT_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z ");
    private static final int SNIFF = 512;

    private LogFile() {}

    /** The distribution a file's path says it is from, or null. */
    static String distributionOf(Path file, Set<String> known) {
        Matcher legacy = LEGACY_NAME.matcher(file.getFileName().toString());
        if (legacy.matches()) {
            return legacy.group(1);
        }
        for (int i = file.getNameCount() - 1; i >= 0; i--) {
            String part = file.getName(i).toString();
            Matcher hive = HIVE.matcher(part);
            if (hive.matches()) {
                return hive.group(1);
            }
            if (known.contains(part)) {
                return part;
            }
            Matcher prefix = ID_PREFIX.matcher(part);
            if (prefix.matches() && known.contains(prefix.group(1))) {
                return prefix.group(1);
            }
        }
        return null;
    }

    /**
     * Reads the file into the tally; what cannot be read is counted as problems with its
     * {@code file:line}, and the rest of the file is still read where its format allows.
     *
     * @param plainFields the fields of Plain files, in order
     * @param distribution the distribution of every record that does not name its own; may be null
     * @return whether any request was read
     */
    static boolean read(Path file, List<String> plainFields, String distribution, Tally tally, Problems problems) {
        String name = file.toString();
        long before = tally.requests;
        LineReader lines = null;
        try (InputStream opened = open(file)) {
            // Sniffed by reads that stop at the first bytes: the content before a truncated
            // gzip's end must still reach the reader.
            PushbackInputStream in = new PushbackInputStream(opened, SNIFF);
            byte[] head = new byte[SNIFF];
            int sniffed = 0;
            for (int n; sniffed < 64 && (n = in.read(head, sniffed, SNIFF - sniffed)) > 0; ) {
                sniffed += n;
            }
            in.unread(head, 0, sniffed);
            Format format = format(Arrays.copyOf(head, sniffed));
            if (hasBom(head)) {
                in.skipNBytes(3);
            }
            switch (format) {
                case EMPTY -> problems.add(name, 0, "empty: no request could be read");
                case PARQUET -> ParquetLog.read(file, distribution, tally, problems);
                case JSON -> JsonLog.read(name, in, distribution, tally, problems);
                case CLOUDWATCH_EXPORT_JSON -> JsonLog.read(name, JsonLog.timestamped(in), distribution,
                        tally, problems);
                default -> {
                    lines = new LineReader(in);
                    DelimitedLog.read(name, lines, format == Format.W3C ? null : plainFields,
                            format == Format.CLOUDWATCH_EXPORT_PLAIN, distribution, tally, problems);
                }
            }
        } catch (EOFException | ZipException truncated) {
            problems.add(name, lines == null ? 0 : lines.number + 1, "truncated or corrupt gzip; the "
                    + (tally.requests - before) + " requests before it were counted");
        } catch (IOException e) {
            problems.add(name, lines == null ? 0 : lines.number, "cannot be read: " + e.getMessage());
        }
        return tally.requests > before;
    }

    /** The file's bytes, inflated when they are gzip: told by the magic bytes, not the name. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A UTF-8 byte order mark, which some tools write before text. */
    private static boolean hasBom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    }

    /** What a file's first bytes say it is. */
    static Format format(byte[] head) {
        int at = hasBom(head) ? 3 : 0;
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return Format.PARQUET;
        }
        while (at < head.length && Character.isWhitespace(head[at])) {
            at++;
        }
        if (at == head.length) {
            return Format.EMPTY;
        }
        if (head[at] == '{') {
            return Format.JSON;
        }
        if (head[at] == '#') {
            return Format.W3C;
        }
        String start = new String(head, at, head.length - at, StandardCharsets.ISO_8859_1);
        Matcher timestamp = EXPORT_TIMESTAMP.matcher(start);
        if (timestamp.lookingAt()) {
            return start.length() > timestamp.end() && start.charAt(timestamp.end()) == '{'
                    ? Format.CLOUDWATCH_EXPORT_JSON : Format.CLOUDWATCH_EXPORT_PLAIN;
        }
        return Format.PLAIN;
    }
}
