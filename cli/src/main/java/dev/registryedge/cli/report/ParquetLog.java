package dev.registryedge.cli.report;

import java.nio.file.Path;

final class ParquetLog {
    private ParquetLog() {}

    static void read(Path file, String distribution, Tally tally, Problems problems) {
        problems.add(file.toString(), 0, "Parquet: not read yet");
    }
}
