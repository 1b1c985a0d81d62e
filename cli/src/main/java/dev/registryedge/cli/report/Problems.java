package dev.registryedge.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Lines and files the report could not read: how many, and the first few by file and line. */
final class Problems {

    static final int EXAMPLES = 5;

    private record Example(String file, long line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final TreeSet<Example> first = new TreeSet<>(Comparator.comparing(Example::file)
            .thenComparingLong(Example::line).thenComparing(Example::message));
    private long count;

    synchronized void add(String file, long line, String message) {
        count++;
        first.add(new Example(file, line, message));
        if (first.size() > EXAMPLES) {
            first.pollLast();
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized List<String> examples() {
        List<String> examples = new ArrayList<>();
        first.forEach(example -> examples.add(example.toString()));
        return examples;
    }
}
