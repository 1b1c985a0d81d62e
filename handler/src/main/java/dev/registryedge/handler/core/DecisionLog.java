package dev.registryedge.handler.core;

/** Where decisions are recorded: one structured line each, plus detail when asked for. */
public interface DecisionLog {

    /** One JSON object per decision (see {@link DecisionRecord}). */
    void decision(String json);

    /** Detail for requests that asked for verbose logging, and failures. */
    void detail(String message);
}
