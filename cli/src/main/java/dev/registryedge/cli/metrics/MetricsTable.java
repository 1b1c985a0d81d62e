package dev.registryedge.cli.metrics;

import dev.registryedge.cli.text.Columns;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code metrics} prints: one row per distribution (its decisions, the share redirected to
 * its bucket and to a replica, targets found unusable per 100 decisions, the worst region's S3
 * check latency, CloudFront's requests and error rates), then one row per account's function
 * (Lambda's errors, throttles and duration of its replicas); or the same as one JSON document.
 */
public final class MetricsTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private MetricsTable() {}

    public static void print(FleetMetrics.Figures figures, PrintStream out) {
        out.println("from " + TIME.format(figures.start()) + " to " + TIME.format(figures.end()) + " UTC, "
                + figures.regions().size() + " regions; decisions in " + (figures.regionsWithDecisions().isEmpty()
                ? "none" : String.join(", ", figures.regionsWithDecisions())));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DISTRIBUTION", "NAME", "ACCOUNT", "DECISIONS", "TO BUCKET", "TO REPLICA", "REDIRECTED",
            "UNUSABLE/100", "S3 p50", "S3 p99", "REQUESTS", "4xx", "5xx"});
        for (FleetMetrics.DistributionFigures d : figures.distributions()) {
            rows.add(new String[] {d.id(), d.name(), d.account(), count(d.decisions()),
                share(d.decisionsByOutcome().get("BUCKET"), d.decisions()),
                share(d.decisionsByOutcome().get("REPLICA"), d.decisions()), share(d.redirects(), d.decisions()),
                d.decisions() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100 * d.unusableTargets() / d.decisions()),
                millis(d.s3P50()), millis(d.s3P99()), d.requests().map(MetricsTable::count).orElse("-"),
                percent(d.errorRate4xx()), percent(d.errorRate5xx())});
        }
        Columns.print(rows, out);
        out.println();
        List<String[]> functions = new ArrayList<>();
        functions.add(new String[] {"FUNCTION", "ACCOUNT", "INVOCATIONS", "ERRORS", "THROTTLES", "DURATION p99", "RUNS IN"});
        for (FleetMetrics.FunctionFigures f : figures.functions()) {
            functions.add(new String[] {f.function(), f.account(), count(f.invocations()), count(f.errors()), count(f.throttles()),
                millis(f.durationP99()), f.regions().isEmpty() ? "-" : String.join(",", f.regions())});
        }
        Columns.print(functions, out);
    }

    /** The figures as one JSON-ready document: numbers as numbers, null where nothing was measured. */
    public static Map<String, Object> document(FleetMetrics.Figures figures) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("start", figures.start().toString());
        document.put("end", figures.end().toString());
        document.put("regions", figures.regions());
        document.put("regionsWithDecisions", figures.regionsWithDecisions());
        List<Map<String, Object>> distributions = new ArrayList<>();
        for (FleetMetrics.DistributionFigures d : figures.distributions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("distribution", d.id());
            row.put("name", d.name());
            row.put("account", d.account());
            row.put("decisions", d.decisions());
            row.put("decisionsByOutcome", d.decisionsByOutcome().isEmpty() ? null : d.decisionsByOutcome());
            row.put("redirects", d.redirects());
            row.put("unusableTargets", d.unusableTargets());
            row.put("s3CheckMillisP50", d.s3P50().orElse(null));
            row.put("s3CheckMillisP99", d.s3P99().orElse(null));
            row.put("requests", d.requests().orElse(null));
            row.put("errorRate4xx", d.errorRate4xx().orElse(null));
            row.put("errorRate5xx", d.errorRate5xx().orElse(null));
            distributions.add(row);
        }
        document.put("distributions", distributions);
        List<Map<String, Object>> functions = new ArrayList<>();
        for (FleetMetrics.FunctionFigures f : figures.functions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", f.function());
            row.put("account", f.account());
            row.put("invocations", f.invocations());
            row.put("errors", f.errors());
            row.put("throttles", f.throttles());
            row.put("durationMillisP99", f.durationP99().orElse(null));
            row.put("regions", f.regions());
            functions.add(row);
        }
        document.put("functions", functions);
        document.put("problems", figures.problems());
        return document;
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String share(Double part, double whole) {
        return part == null || whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
    }

    private static String millis(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.0f ms", v)).orElse("-");
    }

    private static String percent(Optional<Double> rate) {
        return rate.map(r -> String.format(Locale.ROOT, "%.2f%%", r)).orElse("-");
    }
}
