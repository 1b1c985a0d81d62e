package dev.registryedge.ipmap.json;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one input file, each prefixed with the file's name. */
public final class Problems {

    private final String source;
    private final List<String> found = new ArrayList<>();

    public Problems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /**
     * Records a problem at a JSON path, e.g. {@code add("targets.x.region", "'us-est-1' is not a region")}.
     * Control characters in the path (from a member name) are written as escapes.
     */
    public void add(String path, String problem) {
        String printable = escape(path);
        found.add(printable.isEmpty() ? source + ": " + problem : source + ": " + printable + ": " + problem);
    }

    /**
     * The value in single quotes, with control characters and everything outside printable
     * ASCII written as Java escapes ({@code \r}, {@code \n}, {@code \u00e9}), so that a message
     * shows what is wrong instead of breaking a line.
     */
    public static String quote(String value) {
        return "'" + escapeAll(value) + "'";
    }

    /** Whether every character is printable ASCII (space to {@code ~}). */
    public static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) == 0x7f) {
                return escapeAll(text);
            }
        }
        return text;
    }

    private static String escapeAll(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() throws InputException {
        if (!found.isEmpty()) {
            throw new InputException(found);
        }
    }
}
