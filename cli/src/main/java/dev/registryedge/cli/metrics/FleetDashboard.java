package dev.registryedge.cli.metrics;

import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code dashboard} writes, per account: one CloudWatch dashboard (dashboards are global in
 * an account; each widget names the region of its metrics) and the alarms worth having, each in
 * the region of the metric it watches, since CloudWatch alarms watch metrics of their own region
 * only. The dashboard has CloudFront's requests and error rates of the account's distributions,
 * then one row per region: decisions by outcome, the share that fell back because a target was
 * unusable, S3 check latency, and Lambda's errors, throttles and invocations of the function's
 * replicas there. Nothing here calls AWS.
 */
public final class FleetDashboard {

    /** Widgets are laid out on CloudWatch's grid of 24 columns. */
    private static final int GRID = 24;
    private static final int PERIOD = 300;

    /** When the alarms go off. */
    public record AlarmThresholds(double functionErrors, double fallbackPercent, double serverErrorPercent) {

        public static final AlarmThresholds DEFAULTS = new AlarmThresholds(5, 10, 5);
    }

    /** One alarm, as PutMetricAlarm takes it, and the region to put it in. */
    public record Alarm(String region, Map<String, Object> request) {
        public String name() {
            return (String) request.get("AlarmName");
        }
    }

    /** The dashboard and the alarms for one account. */
    public record ForAccount(Fleet.Account account, String dashboardName, Map<String, Object> body,
            List<Alarm> alarms) {}

    private final Fleet fleet;
    private final RoutingConfig routing;
    private final List<String> regions;

    public FleetDashboard(Fleet fleet, RoutingConfig routing, List<String> regions) {
        this.fleet = fleet;
        this.routing = routing;
        this.regions = List.copyOf(regions);
    }

    /**
     * @param named the distributions to cover; every one in the configuration when empty
     * @param name the dashboard's name in each account; alarm names begin with it
     * @param fallbackAlarms whether to add a fall-back share alarm per distribution and region
     *     (each watches six metrics, so costs six alarm metrics)
     * @param actions what each alarm notifies (SNS topic ARNs), none when empty
     */
    public List<ForAccount> build(List<String> named, String name, AlarmThresholds thresholds, boolean fallbackAlarms,
            List<String> actions) {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        (named.isEmpty() ? routing.distributions().keySet() : named).forEach(id -> byAccount.computeIfAbsent(String.valueOf(fleet.accountOf(id)
                .id()), a -> new ArrayList<>()).add(id));
        List<ForAccount> accounts = new ArrayList<>();
        byAccount.values().forEach(ids -> {
            Fleet.Account account = fleet.accountOf(ids.get(0));
            List<Alarm> alarms = alarms(name, account, ids, thresholds, fallbackAlarms, actions);
            accounts.add(new ForAccount(account, name, body(account, ids, alarms), alarms));
        });
        return accounts;
    }

    private Map<String, Object> body(Fleet.Account account, List<String> ids, List<Alarm> alarms) {
        List<Object> widgets = new ArrayList<>();
        String function = "us-east-1." + account.function();
        StringBuilder text = new StringBuilder("## registry-edge" + (account.id() == null ? "" : " in account "
                + account.id()) + "\n\nFunction `" + function + "`; distributions ");
        ids.forEach(id -> text.append(id.equals(ids.get(0)) ? "" : ", ").append(name(id)).append(" (").append(id)
                .append(')'));
        text.append(". Written by `registry-edge dashboard`; metrics are described in docs/metrics.md.");
        widgets.add(widget("text", 0, 0, GRID, 2, Map.of("markdown", text.toString())));
        int y = 2;
        int x = 0;
        for (String[] figure : new String[][] {{"Requests", "Sum", "CloudFront requests"},
            {"5xxErrorRate", "Average", "CloudFront 5xx error rate (%)"},
            {"4xxErrorRate", "Average", "CloudFront 4xx error rate (%)"}}) {
            List<Object> metrics = new ArrayList<>();
            for (String id : ids) {
                metrics.add(metric("AWS/CloudFront", figure[0], Map.of("DistributionId", id, "Region", "Global"),
                        options("us-east-1", figure[1], name(id), null, true)));
            }
            widgets.add(graph(x, y, 8, figure[2], "us-east-1", figure[1], false, metrics));
            x += 8;
        }
        y += 6;
        if (account.id() != null) {
            // An alarm status widget shows at most 100 alarms: as many widgets as that takes.
            List<String> arns = alarms.stream().map(a -> "arn:aws:cloudwatch:" + a.region() + ":" + account.id()
                    + ":alarm:" + a.name()).toList();
            for (int from = 0; from < arns.size(); from += 100) {
                widgets.add(widget("alarm", 0, y, GRID, 3, Map.of("title", "Alarms" + (arns.size() > 100 ? " "
                        + (from / 100 + 1) : ""), "alarms", arns.subList(from, Math.min(arns.size(), from + 100)))));
                y += 3;
            }
        }
        for (String region : regions) {
            List<Object> decisions = new ArrayList<>();
            List<Object> fellBack = new ArrayList<>();
            List<Object> latency = new ArrayList<>();
            int n = 0;
            for (String id : ids) {
                String distribution = name(id);
                List<String> sumsOfDecisions = new ArrayList<>();
                List<String> sumsOfUnusable = new ArrayList<>();
                for (Map<String, String> dimensions : dimensionSets(distribution)) {
                    String label = distribution + (dimensions.containsKey("Outcome") ? " " + dimensions.get("Outcome")
                            : "");
                    decisions.add(metric("RegistryEdge", "Decisions", dimensions, options(region, "Sum", label, null,
                            true)));
                    String d = "d" + n;
                    String u = "u" + n;
                    n++;
                    fellBack.add(metric("RegistryEdge", "Decisions", dimensions, options(region, "Sum", null, d,
                            false)));
                    fellBack.add(metric("RegistryEdge", "UnusableTargets", dimensions, options(region, "Sum", null,
                            u, false)));
                    sumsOfDecisions.add(d);
                    sumsOfUnusable.add(u);
                    latency.add(metric("RegistryEdge", "S3CheckMillis", dimensions, options(region, "p99", label, null,
                            true)));
                }
                if (!sumsOfDecisions.isEmpty()) {
                    Map<String, Object> expression = new LinkedHashMap<>();
                    expression.put("expression", fallbackShare(sumsOfUnusable, sumsOfDecisions));
                    expression.put("label", distribution);
                    expression.put("id", "e" + n);
                    expression.put("region", region);
                    fellBack.add(List.of(expression));
                }
            }
            Map<String, String> replicas = Map.of("FunctionName", function);
            List<Object> lambda = List.of(
                    metric("AWS/Lambda", "Errors", replicas, options(region, "Sum", "errors", null, true)),
                    metric("AWS/Lambda", "Throttles", replicas, options(region, "Sum", "throttles", null, true)),
                    metric("AWS/Lambda", "Invocations", replicas, options(region, "Sum", "invocations", null, true)));
            if (routing.metrics() != MetricsDetail.OFF) {
                widgets.add(graph(0, y, 6, region + ": decisions by outcome", region, "Sum", true, decisions));
                widgets.add(graph(6, y, 6, region + ": fell back, % of decisions", region, "Sum", false, fellBack));
                widgets.add(graph(12, y, 6, region + ": S3 check p99 (ms)", region, "p99", false, latency));
            }
            widgets.add(graph(18, y, 6, region + ": function " + function, region, "Sum", false, lambda));
            y += 6;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", "-PT6H");
        body.put("periodOverride", "inherit");
        body.put("widgets", widgets);
        return body;
    }

    private List<Alarm> alarms(String name, Fleet.Account account, List<String> ids, AlarmThresholds thresholds,
            boolean fallbackAlarms, List<String> actions) {
        List<Alarm> alarms = new ArrayList<>();
        String function = "us-east-1." + account.function();
        for (String region : regions) {
            Map<String, Object> errors = alarm(name + "-function-errors-" + region, "The function's replicas in "
                    + region + " failed " + number(thresholds.functionErrors()) + " times or more in 5 minutes",
                    thresholds.functionErrors(), "GreaterThanOrEqualToThreshold", 1, actions);
            errors.put("Namespace", "AWS/Lambda");
            errors.put("MetricName", "Errors");
            errors.put("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)));
            errors.put("Statistic", "Sum");
            errors.put("Period", PERIOD);
            alarms.add(new Alarm(region, errors));
            if (!fallbackAlarms || routing.metrics() == MetricsDetail.OFF) {
                continue;
            }
            for (String id : ids) {
                String distribution = name(id);
                Map<String, Object> fallback = alarm(name + "-fallback-" + distribution + "-" + region, "More than "
                        + number(thresholds.fallbackPercent()) + " % of " + distribution + "'s decisions in " + region
                        + " fell back because a target was unusable, for 15 minutes", thresholds.fallbackPercent(),
                        "GreaterThanThreshold", 3, actions);
                List<Object> queries = new ArrayList<>();
                List<String> d = new ArrayList<>();
                List<String> u = new ArrayList<>();
                for (Map<String, String> dimensions : dimensionSets(distribution)) {
                    d.add("d" + d.size());
                    u.add("u" + u.size());
                    queries.add(query(d.get(d.size() - 1), "Decisions", dimensions));
                    queries.add(query(u.get(u.size() - 1), "UnusableTargets", dimensions));
                }
                Map<String, Object> share = new LinkedHashMap<>();
                share.put("Id", "share");
                share.put("Expression", fallbackShare(u, d));
                share.put("Label", distribution + " fell back, %");
                share.put("ReturnData", true);
                queries.add(share);
                fallback.put("Metrics", queries);
                alarms.add(new Alarm(region, fallback));
            }
        }
        for (String id : ids) {
            Map<String, Object> serverErrors = alarm(name + "-5xx-" + name(id), "CloudFront's 5xx error rate of "
                    + name(id) + " (" + id + ") above " + number(thresholds.serverErrorPercent()) + " % for 15 minutes",
                    thresholds.serverErrorPercent(), "GreaterThanThreshold", 3, actions);
            serverErrors.put("Namespace", "AWS/CloudFront");
            serverErrors.put("MetricName", "5xxErrorRate");
            serverErrors.put("Dimensions", List.of(Map.of("Name", "DistributionId", "Value", id),
                    Map.of("Name", "Region", "Value", "Global")));
            serverErrors.put("Statistic", "Average");
            serverErrors.put("Period", PERIOD);
            alarms.add(new Alarm("us-east-1", serverErrors));
        }
        return alarms;
    }

    /** The dimension sets the function writes for a distribution at the configured level. */
    private List<Map<String, String>> dimensionSets(String distribution) {
        return switch (routing.metrics()) {
            case OUTCOME -> FleetMetrics.OUTCOMES.stream().map(o -> Map.of("Distribution", distribution, "Outcome", o))
                    .toList();
            case DISTRIBUTION -> List.of(Map.of("Distribution", distribution));
            case OFF -> List.of();
        };
    }

    /** 100 × unusable / decisions; FILL(…, 0) so that a period with none of one outcome does not blank the sum. */
    private static String fallbackShare(List<String> unusable, List<String> decisions) {
        return "100 * (" + filled(unusable) + ") / (" + filled(decisions) + ")";
    }

    private static String filled(List<String> ids) {
        return String.join(" + ", ids.stream().map(id -> "FILL(" + id + ", 0)").toList());
    }

    private static Map<String, Object> alarm(String name, String description, double threshold, String comparison,
            int periods, List<String> actions) {
        Map<String, Object> alarm = new LinkedHashMap<>();
        alarm.put("AlarmName", name);
        alarm.put("AlarmDescription", description + ". Written by registry-edge dashboard.");
        alarm.put("ComparisonOperator", comparison);
        alarm.put("EvaluationPeriods", periods);
        alarm.put("DatapointsToAlarm", periods);
        alarm.put("Threshold", threshold);
        alarm.put("TreatMissingData", "notBreaching");
        alarm.put("AlarmActions", actions);
        return alarm;
    }

    private static Map<String, Object> query(String id, String metric, Map<String, String> dimensions) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("Id", id);
        query.put("MetricStat", Map.of("Metric", Map.of("Namespace", "RegistryEdge", "MetricName", metric,
                "Dimensions", dimensions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> Map.of("Name", e.getKey(), "Value", e.getValue())).toList()), "Period", PERIOD,
                "Stat", "Sum"));
        query.put("ReturnData", false);
        return query;
    }

    private static List<Object> metric(String namespace, String name, Map<String, String> dimensions,
            Map<String, Object> options) {
        List<Object> metric = new ArrayList<>(List.of(namespace, name));
        dimensions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            metric.add(d.getKey());
            metric.add(d.getValue());
        });
        metric.add(options);
        return metric;
    }

    private static Map<String, Object> options(String region, String stat, String label, String id, boolean visible) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("region", region);
        options.put("stat", stat);
        if (label != null) {
            options.put("label", label);
        }
        if (id != null) {
            options.put("id", id);
        }
        if (!visible) {
            options.put("visible", false);
        }
        return options;
    }

    private static Map<String, Object> graph(int x, int y, int width, String title, String region, String stat,
            boolean stacked, List<Object> metrics) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("view", "timeSeries");
        properties.put("stacked", stacked);
        properties.put("region", region);
        properties.put("stat", stat);
        properties.put("period", PERIOD);
        properties.put("metrics", metrics);
        return widget("metric", x, y, width, 6, properties);
    }

    private static Map<String, Object> widget(String type, int x, int y, int width, int height,
            Map<String, Object> properties) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", type);
        widget.put("x", x);
        widget.put("y", y);
        widget.put("width", width);
        widget.put("height", height);
        widget.put("properties", properties);
        return widget;
    }

    private String name(String id) {
        return routing.distributions().get(id).name();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
