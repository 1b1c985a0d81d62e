package dev.registryedge.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the checked targets hold, from an S3 Inventory listing (CSV, gzip or not): the bucket and
 * the URL-encoded key first, quoted, as S3 Inventory writes them; when the third field is the
 * object's size (an inventory whose first fields are Bucket, Key, Size), what each bucket holds
 * in bytes too.
 *
 * @param objects "bucket/key" of every object
 * @param buckets per bucket: {objects, bytes}
 * @param sizes whether every line gave a size
 */
record Inventory(Set<String> objects, Map<String, long[]> buckets, boolean sizes) {

    static final Inventory NONE = new Inventory(Set.of(), Map.of(), false);

    /**
     * Lines that are not an inventory's (not CSV as S3 writes it, a key not URL-encoded) are
     * problems named by file and line, and the rest is read; a UTF-8 byte order mark is passed over.
     */
    static Inventory read(Path file, Problems problems) {
        Set<String> objects = new HashSet<>();
        Map<String, long[]> buckets = new TreeMap<>();
        boolean sizes = true;
        try (InputStream in = LogFile.open(file)) {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                long number = lines.number;
                if (lines.tooLong()) {
                    problems.add(file.toString(), number, "longer than " + LineReader.MAX_LINE + " bytes; skipped");
                    continue;
                }
                String line = lines.text();
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 4);
                if (fields.length < 2 || !fields[0].startsWith("\"") || !fields[1].startsWith("\"")) {
                    problems.add(file.toString(), number, "not an S3 Inventory CSV line (\"bucket\",\"key\",...);"
                            + " skipped");
                    continue;
                }
                String bucket = unquote(fields[0]);
                try {
                    objects.add(bucket + "/" + URLDecoder.decode(unquote(fields[1]), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    String key = unquote(fields[1]);
                    problems.add(file.toString(), number, "the key '" + (key.length() <= 80 ? key
                            : key.substring(0, 80) + "...") + "' is not URL-encoded as S3 Inventory writes it ("
                            + badEscape.getMessage() + "); skipped");
                    continue;
                }
                long[] held = buckets.computeIfAbsent(bucket, b -> new long[2]);
                held[0]++;
                long size = fields.length > 2 ? size(unquote(fields[2])) : -1;
                if (size < 0) {
                    sizes = false;
                } else {
                    held[1] += size;
                }
            }
        } catch (IOException e) {
            // Half an inventory would steer decisions wrong: the report stops, naming the file.
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Inventory(objects, buckets, sizes);
    }

    private static long size(String field) {
        if (field.isEmpty() || field.length() > 18) {
            return -1;
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(field);
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1) : field;
    }
}
