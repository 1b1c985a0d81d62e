package dev.registryedge.cli.report;

import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;

/**
 * CloudFront's Parquet files (a v2 delivery to S3): one row per request, the columns named as
 * the fields are (or as a column store spells them, {@link LogField#namedLoosely}). Read with
 * Apache Parquet's own reader, row by row, each value the report needs as text.
 */
final class ParquetLog {

    private ParquetLog() {}

    static void read(Path file, String distribution, Tally tally, Problems problems) {
        String name = file.toString();
        long row = 0;
        LogRecord record = new LogRecord();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
                    @Override
                    protected ReadSupport<Group> getReadSupport() {
                        return new GroupReadSupport();
                    }
                }.build()) {
            LogField[] fields = null;
            for (Group group; (group = reader.read()) != null; ) {
                row++;
                GroupType type = group.getType();
                if (fields == null) {
                    fields = new LogField[type.getFieldCount()];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = type.getType(i).isPrimitive() ? LogField.namedLoosely(type.getFieldName(i)) : null;
                    }
                }
                record.clearForText();
                boolean fits = true;
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] != null && group.getFieldRepetitionCount(i) > 0) {
                        fits &= record.put(fields[i], group.getValueToString(i, 0));
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
        } catch (java.io.IOException | RuntimeException | LinkageError unreadable) {
            // A corrupt file can fail anywhere inside the library, and a codec this build leaves
            // out (zstd) fails as a missing class: either way the file, not the report.
            String message = String.valueOf(unreadable.getMessage()).replace('\n', ' ');
            problems.add(name, row + 1, "not Parquet this build can read (" + unreadable.getClass().getSimpleName()
                    + ": " + (message.length() <= 200 ? message : message.substring(0, 200) + "...")
                    + "); the rest of the file is skipped");
        }
    }
}
