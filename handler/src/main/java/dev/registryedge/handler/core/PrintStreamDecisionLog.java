package dev.registryedge.handler.core;

import java.io.PrintStream;

/**
 * Writes decision lines to a stream, the sink of both builds: in Lambda, on either runtime,
 * standard output goes to CloudWatch Logs.
 */
public record PrintStreamDecisionLog(PrintStream out) implements DecisionLog {

    @Override
    public void decision(String json) {
        out.println(json);
    }

    @Override
    public void detail(String message) {
        out.println("registry-edge: " + message);
    }
}
