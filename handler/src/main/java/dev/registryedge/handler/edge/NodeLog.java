package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.DecisionLog;
import org.teavm.jso.JSBody;

/**
 * The Node build's log: a decision line that carries metrics goes to standard output as it is,
 * because CloudWatch extracts Embedded Metric Format only from a log event that is the JSON
 * document alone and Lambda's console methods put a timestamp, the request id and the level
 * before it; every other line through {@code console.info}. Either way the string is handed to
 * Node once, not through a Java {@code PrintStream}'s encoding.
 */
final class NodeLog implements DecisionLog {

    private static final String METRICS = "{\"_aws\":";

    @JSBody(params = "line", script = "process.stdout.write(line + '\\n');")
    private static native void standardOutput(String line);

    /** Joined in JavaScript: the directive is a constant Node already holds as a string. */
    @JSBody(params = {"directive", "rest"}, script = "process.stdout.write(directive + rest + '\\n');")
    private static native void standardOutput(String directive, String rest);

    @JSBody(params = "line", script = "console.info(line);")
    private static native void info(String line);

    @Override
    public void decision(String json) {
        if (json.startsWith(METRICS)) {
            standardOutput(json);
        } else {
            info(json);
        }
    }

    @Override
    public void decision(String directive, String rest) {
        if (directive.isEmpty()) {
            info(rest);
        } else {
            standardOutput(directive, rest);
        }
    }

    @Override
    public void detail(String message) {
        info("registry-edge: " + message);
    }
}
