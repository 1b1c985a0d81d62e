package dev.registryedge.handler.core;

/** Where decisions are recorded: one structured line each, plus detail when asked for. */
public interface DecisionLog {

    /** One JSON object per decision (see {@link DecisionRecord}). */
    void decision(String json);

    /**
     * The same line in two parts, the first shared by many decisions (the metric directive):
     * a sink that can join them more cheaply than Java does overrides this.
     */
    default void decision(String directive, String rest) {
        decision(directive + rest);
    }

    /** Detail for requests that asked for verbose logging, and failures. */
    void detail(String message);
}
