package dev.registryedge.cli.text;

import java.io.PrintStream;
import java.util.List;

/** Rows printed as columns padded to line up, the first row the headings. */
public final class Columns {

    private Columns() {}

    public static void print(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] + 2 - row[i].length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
