package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.core.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

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

    static Decisions read(List<Path> files) {
        Map<String, Decided> decided = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        long lines = 0;
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    int json = line.indexOf("{\"distributionId\"");
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
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
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
