package dev.registryedge.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * CloudFront's JSON records: one object per record, the members named as the fields are, values
 * as strings or numbers. The same reader takes v2's JSON files (one record per line), what
 * Firehose delivers (records one after another, with or without line breaks between them) and
 * CloudWatch Logs exports (each record behind a timestamp and a space, {@link #timestamped}).
 * Read as a stream: no record is kept beyond its fields the report needs, values longer than
 * {@link LineReader#MAX_LINE} are refused by the parser before they are held, and a record
 * longer than that is a problem.
 */
final class JsonLog {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(LineReader.MAX_LINE)
                    .maxNumberLength(64).maxNestingDepth(16).maxNameLength(1024).build())
            .build();

    private JsonLog() {}

    /**
     * Reads a file's records into the tally.
     *
     * @param distribution the file's distribution, when its records do not say; may be null
     */
    static void read(String name, InputStream in, String distribution, Tally tally, Problems problems)
            throws IOException {
        LogRecord record = new LogRecord();
        try (JsonParser parser = FACTORY.createParser(in)) {
            long line = 1;
            try {
                for (JsonToken token; (token = parser.nextToken()) != null; ) {
                    line = parser.currentLocation().getLineNr();
                    if (token != JsonToken.START_OBJECT) {
                        tally.lines++;
                        problems.add(name, line, "a " + token.asString() + " where a record (an object) belongs;"
                                + " skipped");
                        parser.skipChildren();
                        continue;
                    }
                    long started = parser.currentLocation().getByteOffset();
                    record.clearForText();
                    boolean overflow = false;
                    LogField twice = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        LogField field = LogField.named(parser.currentName());
                        JsonToken value = parser.nextToken();
                        if (field == null || value == JsonToken.VALUE_NULL) {
                            parser.skipChildren();
                            continue;
                        }
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            parser.skipChildren();
                            continue;
                        }
                        if (record.has(field)) {
                            twice = field;
                        }
                        overflow |= !record.put(field, parser.getText());
                    }
                    long length = parser.currentLocation().getByteOffset() - started;
                    if (overflow || length > LineReader.MAX_LINE) {
                        tally.lines++;
                        problems.add(name, line, "a record longer than " + LineReader.MAX_LINE + " bytes; skipped");
                        continue;
                    }
                    if (twice != null) {
                        tally.lines++;
                        problems.add(name, line, "the record names " + twice.logName() + " twice, so which value"
                                + " counts is unknown; skipped");
                        continue;
                    }
                    String problem = record.addTo(tally, distribution);
                    if (problem != null) {
                        problems.add(name, line, problem);
                    }
                }
            } catch (StreamConstraintsException tooLong) {
                tally.lines++;
                problems.add(name, line, "a value longer or nested deeper than CloudFront writes (strings of "
                        + LineReader.MAX_LINE + " bytes at most); the rest of the file is skipped");
            } catch (JsonProcessingException notJson) {
                problems.add(name, line, "not JSON as CloudFront writes it (" + clip(notJson.getOriginalMessage())
                        + "); the rest of the file is skipped");
            }
        }
    }

    private static String clip(String message) {
        String line = message == null ? "" : message.replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /**
     * A CloudWatch Logs export read as the records alone: each line's leading timestamp and the
     * space after it are dropped as the bytes pass.
     */
    static InputStream timestamped(InputStream in) {
        return new FilterInputStream(in) {
            private boolean atLineStart = true;
            private boolean inPrefix;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                while (true) {
                    int n = super.read(buffer, offset, length);
                    if (n <= 0) {
                        return n;
                    }
                    int kept = offset;
                    for (int i = offset; i < offset + n; i++) {
                        byte b = buffer[i];
                        if (atLineStart) {
                            // A timestamp starts with a digit; a line without one is kept whole.
                            inPrefix = b >= '0' && b <= '9';
                            atLineStart = false;
                        }
                        if (inPrefix) {
                            inPrefix = b != ' ' && b != '\n';
                            if (b == '\n') {
                                buffer[kept++] = b;
                                atLineStart = true;
                            }
                        } else {
                            buffer[kept++] = b;
                            atLineStart = b == '\n';
                        }
                    }
                    if (kept > offset) {
                        return kept - offset;
                    }
                }
            }
        };
    }
}
