package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.core.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function's decision log lines, exported from CloudWatch Logs (gzip or not; each line's
 * JSON may follow a timestamp, Lambda's request id and level, as CloudWatch writes them): per
 * CloudFront request id ({@code requestId}, the standard logs' {@code x-edge-request-id}), the
 * route the function took, so that each logged 307 is attributed exactly. Only the 307s are kept;
 * lines that are not decisions (START, END, REPORT, detail lines) are passed over.
 */
final class Decisions {

    /** What the function did for one request: the outcome and the target's name (null for CloudFront). */
    record Decided(Outcome outcome, String target) {}

    static final Decisions NONE = new Decisions(Map.of(), 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Decided> byRequestId;
    final long lines;

    private Decisions(Map<String, Decided> byRequestId, long lines) {
        this.byRequestId = byRequestId;
        this.lines = lines;
    }

    /**
     * Lines longer than {@link LineReader#MAX_LINE} and files that cannot be read whole are
     * problems; what was read before them counts.
     */
    static Decisions read(List<Path> files, Problems problems) {
        Map<String, Decided> decided = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        long lines = 0;
        for (Path file : files) {
            LineReader reader = null;
            try (InputStream in = LogFile.open(file)) {
                reader = new LineReader(in);
                while (reader.next()) {
                    if (reader.tooLong()) {
                        problems.add(file.toString(), reader.number, "longer than " + LineReader.MAX_LINE
                                + " bytes; skipped");
                        continue;
                    }
                    String line = reader.text();
                    // A line with metrics begins with its _aws member; one without, with distributionId.
                    int json = line.indexOf("{\"_aws\":");
                    if (json < 0) {
                        json = line.indexOf("{\"distributionId\"");
                    }
                    if (json < 0) {
                        continue;
                    }
                    JsonNode decision;
                    try {
                        decision = JSON.readTree(line.substring(json));
                    } catch (IOException notJson) {
                        continue;
                    }
                    String requestId = decision.path("requestId").asText(null);
                    Outcome outcome = outcome(decision.path("outcome").asText());
                    String target = decision.path("target").asText(null);
                    // Only the 307s are looked up: what CloudFront served needs no attribution.
                    if (requestId == null || outcome == null || !outcome.redirects() || target == null) {
                        continue;
                    }
                    decided.put(requestId, new Decided(outcome, targets.computeIfAbsent(target, t -> t)));
                    lines++;
                }
            } catch (java.io.EOFException | java.util.zip.ZipException truncated) {
                problems.add(file.toString(), reader == null ? 0 : reader.number + 1, "truncated or corrupt gzip;"
                        + " the decision lines before were read");
            } catch (IOException e) {
                problems.add(file.toString(), reader == null ? 0 : reader.number, "cannot be read ("
                        + e.getMessage() + "); the decision lines before were read");
            }
        }
        return new Decisions(decided, lines);
    }

    private static Outcome outcome(String name) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(name)) {
                return outcome;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return byRequestId.isEmpty();
    }

    Decided of(String requestId) {
        return byRequestId.get(requestId);
    }
}
