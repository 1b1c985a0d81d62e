package dev.registryedge.handler.core;

/** Bounds what a request can put in a log line: a 1 MB header must not make a 1 MB line. */
final class LogText {

    /** Longer than any address literal, distribution id or region name. */
    static final int MAX_CHARS = 200;

    private LogText() {}

    /**
     * A failure as a log line can say it: its class and message (TeaVM keeps no class names in
     * the deployed bundle, so there the message alone), clipped.
     */
    static String describe(Throwable failure) {
        String type = failure.getClass().getName();
        return clip(type == null ? String.valueOf(failure.getMessage()) : type + ": " + failure.getMessage());
    }

    static String clip(String value) {
        if (value == null || value.length() <= MAX_CHARS) {
            return value;
        }
        return value.substring(0, MAX_CHARS) + "...(" + value.length() + " chars)";
    }
}
