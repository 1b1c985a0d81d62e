package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.DecisionLog;
import java.io.PrintStream;

/** Writes decision lines to a stream; in Lambda, standard output goes to CloudWatch Logs. */
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
