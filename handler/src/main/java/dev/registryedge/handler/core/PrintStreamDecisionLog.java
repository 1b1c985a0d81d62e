package dev.registryedge.handler.core;

import java.io.PrintStream;

/**
 * Writes decision lines to a stream, the JVM build's sink: in Lambda's Java runtime standard
 * output goes to CloudWatch Logs line by line, as it is. (The Node build has a sink of its own,
 * which keeps Lambda's console prefix off the lines that carry metrics.)
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
