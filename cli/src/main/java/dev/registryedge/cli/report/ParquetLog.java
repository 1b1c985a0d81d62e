package dev.registryedge.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * CloudFront's Parquet files (a v2 delivery to S3): one row per request, the columns named as
 * the fields are (or as a column store spells them, {@link LogField#namedLoosely}). Read with
 * Apache Parquet's own reader, row by row, each value the report needs as text; a timestamp
 * column of Parquet's timestamp type is read in its unit. The reader holds a whole row group in
 * memory, so a file whose footer declares a row group beyond {@link #MAX_ROW_GROUP} bytes is a
 * problem before any of it is read.
 */
final class ParquetLog {

    /** The largest row group read, uncompressed: CloudFront's hourly files are far smaller. */
    static final long MAX_ROW_GROUP = 256L << 20;

    private ParquetLog() {}

    static void read(Path file, String distribution, Tally tally, Problems problems) {
        String name = file.toString();
        long row = 0;
        try {
            String refusal = refusal(file);
            if (refusal != null) {
                problems.add(name, 0, refusal);
                return;
            }
        } catch (IOException | RuntimeException | LinkageError unreadable) {
            problems.add(name, 0, unreadable(unreadable));
            return;
        }
        LogRecord record = new LogRecord();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
                    @Override
                    protected ReadSupport<Group> getReadSupport() {
                        return new GroupReadSupport();
                    }
                }.build()) {
            Column[] columns = null;
            for (Group group; (group = reader.read()) != null; ) {
                row++;
                if (columns == null) {
                    columns = columns(group.getType());
                }
                record.clearForText();
                boolean fits = true;
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] != null && group.getFieldRepetitionCount(i) > 0) {
                        fits &= record.put(columns[i].field, columns[i].millisPerUnit > 0
                                ? String.valueOf(group.getLong(i, 0) / columns[i].millisPerUnit)
                                : group.getValueToString(i, 0));
                    }
                }
                if (!fits) {
                    tally.lines++;
                    problems.add(name, row, "a row longer than " + LineReader.MAX_LINE + " bytes; skipped");
                    continue;
                }
                String problem = record.addTo(tally, distribution);
                if (problem != null) {
                    problems.add(name, row, problem);
                }
            }
        } catch (IOException | RuntimeException | LinkageError unreadable) {
            // A corrupt file can fail anywhere inside the library, and a codec whose native code
            // this machine lacks fails as a missing class: either way the file, not the report.
            problems.add(name, row + 1, unreadable(unreadable));
        }
    }

    private static String unreadable(Throwable unreadable) {
        String message = String.valueOf(unreadable.getMessage()).replace('\n', ' ');
        return "not Parquet this build can read (" + unreadable.getClass().getSimpleName() + ": "
                + (message.length() <= 200 ? message : message.substring(0, 200) + "...")
                + "); the rest of the file is skipped";
    }

    /** What makes the file unreadable before its rows are read (gzip around it, a row group too big, a field twice), or null. */
    private static String refusal(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() == 0x1f && in.read() == 0x8b) {
                return "Parquet inside gzip: Parquet compresses its own pages, and its reader needs the file as"
                        + " written; gunzip it first";
            }
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            for (BlockMetaData block : footer.getFooter().getBlocks()) {
                if (block.getTotalByteSize() > MAX_ROW_GROUP || block.getTotalByteSize() < 0) {
                    return "a row group of " + block.getTotalByteSize() + " bytes, more than the " + MAX_ROW_GROUP
                            + " read at once; the file is skipped";
                }
            }
            Map<LogField, String> seen = new HashMap<>();
            for (Type column : footer.getFileMetaData().getSchema().getFields()) {
                LogField field = LogField.namedLoosely(column.getName());
                String other = field == null ? null : seen.put(field, column.getName());
                if (other != null) {
                    return "the columns " + other + " and " + column.getName() + " are both " + field.logName()
                            + ", so which value counts is unknown; the file is skipped";
                }
            }
        }
        return null;
    }

    /** A column the report reads: its field, and for a timestamp column of Parquet's type, how many of its units make a millisecond. */
    private record Column(LogField field, long millisPerUnit) {}

    private static Column[] columns(GroupType type) {
        Column[] columns = new Column[type.getFieldCount()];
        for (int i = 0; i < columns.length; i++) {
            Type column = type.getType(i);
            LogField field = column.isPrimitive() ? LogField.namedLoosely(type.getFieldName(i)) : null;
            if (field == null) {
                continue;
            }
            long perMilli = 0;
            if (column.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                    && column.getLogicalTypeAnnotation()
                            instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
                    && (field == LogField.TIMESTAMP || field == LogField.TIMESTAMP_MS)) {
                perMilli = switch (timestamp.getUnit()) {
                    case MILLIS -> 1;
                    case MICROS -> 1_000;
                    case NANOS -> 1_000_000;
                };
                field = LogField.TIMESTAMP_MS;
            }
            columns[i] = new Column(field, perMilli);
        }
        return columns;
    }
}
