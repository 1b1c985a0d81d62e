package dev.registryedge.cli.metrics;

import dev.registryedge.cli.deploy.Console;
import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * What the function did across the fleet in a window of time, read from CloudWatch in every
 * region where Lambda@Edge may run, for every account at once: the function's own metrics (the
 * decision lines' {@code RegistryEdge} namespace), Lambda's for the function's replicas in each
 * region ({@code AWS/Lambda}, function {@code us-east-1.NAME}), and CloudFront's error rates
 * ({@code AWS/CloudFront}, us-east-1, {@code Region=Global}). Counts are summed over regions;
 * latencies are the worst region's, since percentiles of different regions cannot be merged, and
 * CloudFront's error rates the worst period's, where CloudWatch splits the window in two (it
 * aligns periods to the clock) and averages cannot be added.
 */
public final class FleetMetrics {

    /** The regions with CloudFront regional edge caches, where Lambda@Edge runs (a 2022 list; AWS gives none). */
    public static final List<String> EDGE_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "eu-central-1",
            "eu-west-1", "eu-west-2", "sa-east-1");
    static final String NAMESPACE = "RegistryEdge";
    static final String OTHER = "other";
    static final List<String> OUTCOMES = List.of("BUCKET", "REPLICA", "CLOUDFRONT");

    /** CloudWatch clients for an account, one per region, on that account's credentials. */
    public interface Clients {
        CloudWatchClient in(Fleet.Account account, String region);
    }

    /** What one distribution's decisions came to; latencies empty where no check was made. */
    public record DistributionFigures(String id, String name, String account, Map<String, Double> decisionsByOutcome,
            double decisions, double redirects, double unusableTargets, Optional<Double> s3P50, Optional<Double> s3P99,
            Optional<Double> requests, Optional<Double> errorRate4xx, Optional<Double> errorRate5xx) {}

    /** What the function's replicas in an account came to. */
    public record FunctionFigures(String account, String function, double invocations, double errors,
            double throttles, Optional<Double> durationP99, List<String> regions) {}

    /** Everything read, and where reading failed. */
    public record Figures(Instant start, Instant end, List<String> regions, List<DistributionFigures> distributions,
            List<FunctionFigures> functions, List<String> regionsWithDecisions, List<String> problems) {}

    private final Fleet fleet;
    private final RoutingConfig routing;
    private final List<String> regions;
    private final Clients clients;

    public FleetMetrics(Fleet fleet, RoutingConfig routing, List<String> regions, Clients clients) {
        this.fleet = fleet;
        this.routing = routing;
        this.regions = List.copyOf(regions);
        this.clients = clients;
    }

    /** Reads the window of {@code since} ending at {@code end}; every account and region at once. */
    public Figures read(Instant end, Duration since, List<String> named) {
        return read(end.minus(since), end, named);
    }

    /** Reads the window from {@code start} to {@code end}, as one period; every account and region at once. */
    public Figures read(Instant start, Instant end, List<String> named) {
        long period = Math.max(60, (Duration.between(start, end).toSeconds() + 59) / 60 * 60);
        List<String> ids = named.isEmpty() ? List.copyOf(routing.distributions().keySet()) : named;
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        ids.forEach(id -> byAccount.computeIfAbsent(key(fleet.accountOf(id)), a -> new ArrayList<>()).add(id));
        Map<String, Double> values = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "registry-edge-metrics");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : byAccount.entrySet()) {
                Fleet.Account account = fleet.accountOf(entry.getValue().get(0));
                for (String region : regions) {
                    reads.add(CompletableFuture.runAsync(() -> {
                        try {
                            readRegion(account, region, entry.getValue(), start, end, period, values);
                        } catch (RuntimeException e) {
                            problems.add(account.label() + " in " + region + ": " + Console.message(e));
                        }
                    }, pool));
                }
            }
            reads.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        return figures(start, end, byAccount, values, problems);
    }

    /** One GetMetricData (paged) for an account in a region; values summed, or maxed for latencies. */
    private void readRegion(Fleet.Account account, String region, List<String> ids, Instant start, Instant end,
            long period, Map<String, Double> values) {
        Map<String, Query> queries = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(routing.distributions().containsKey(id) ? routing.distributions().get(id).name()
                : id));
        names.add(OTHER);
        String at = key(account) + "|";
        for (String name : names) {
            if (routing.metrics() == MetricsDetail.OUTCOME) {
                for (String outcome : OUTCOMES) {
                    Map<String, String> dims = Map.of("Distribution", name, "Outcome", outcome);
                    add(queries, new Query(NAMESPACE, "Decisions", dims, "Sum", at + "decisions|" + name + "|" + outcome));
                    add(queries, new Query(NAMESPACE, "UnusableTargets", dims, "Sum", at + "unusable|" + name));
                    add(queries, new Query(NAMESPACE, "S3CheckMillis", dims, "p50", at + "s3p50|" + name));
                    add(queries, new Query(NAMESPACE, "S3CheckMillis", dims, "p99", at + "s3p99|" + name));
                }
            } else if (routing.metrics() == MetricsDetail.DISTRIBUTION) {
                Map<String, String> dims = Map.of("Distribution", name);
                add(queries, new Query(NAMESPACE, "Decisions", dims, "Sum", at + "decisions|" + name + "|all"));
                add(queries, new Query(NAMESPACE, "Redirects", dims, "Sum", at + "redirects|" + name));
                add(queries, new Query(NAMESPACE, "UnusableTargets", dims, "Sum", at + "unusable|" + name));
                add(queries, new Query(NAMESPACE, "S3CheckMillis", dims, "p50", at + "s3p50|" + name));
                add(queries, new Query(NAMESPACE, "S3CheckMillis", dims, "p99", at + "s3p99|" + name));
            }
        }
        Map<String, String> function = Map.of("FunctionName", "us-east-1." + account.function());
        String fn = key(account);
        add(queries, new Query("AWS/Lambda", "Errors", function, "Sum", "errors|" + fn));
        add(queries, new Query("AWS/Lambda", "Throttles", function, "Sum", "throttles|" + fn));
        add(queries, new Query("AWS/Lambda", "Invocations", function, "Sum", "invocations|" + fn + "|" + region));
        add(queries, new Query("AWS/Lambda", "Duration", function, "p99", "durationp99|" + fn));
        if (region.equals("us-east-1")) {
            for (String id : ids) {
                Map<String, String> dims = Map.of("DistributionId", id, "Region", "Global");
                add(queries, new Query("AWS/CloudFront", "Requests", dims, "Sum", "requests|" + id));
                add(queries, new Query("AWS/CloudFront", "4xxErrorRate", dims, "Average", "rate4xx|" + id));
                add(queries, new Query("AWS/CloudFront", "5xxErrorRate", dims, "Average", "rate5xx|" + id));
            }
        }
        List<MetricDataQuery> requests = new ArrayList<>();
        queries.forEach((id, query) -> requests.add(MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.period((int) period).stat(query.stat()).metric(m -> m.namespace(query.namespace())
                        .metricName(query.metric()).dimensions(query.dimensions().entrySet().stream()
                                .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())))
                .build()));
        CloudWatchClient client = clients.in(account, region);
        for (int from = 0; from < requests.size(); from += 500) {
            List<MetricDataQuery> batch = requests.subList(from, Math.min(requests.size(), from + 500));
            for (var page : client.getMetricDataPaginator(b -> b.startTime(start).endTime(end).metricDataQueries(batch))) {
                for (MetricDataResult result : page.metricDataResults()) {
                    Query query = queries.get(result.id());
                    boolean worst = query.stat().startsWith("p") || query.stat().equals("Average");
                    for (Double value : result.values()) {
                        values.merge(query.key(), value, worst ? Math::max : Double::sum);
                        if (query.key().startsWith(at + "decisions|") && value > 0) {
                            values.put("region|" + region, 1.0);
                        }
                    }
                }
            }
        }
    }

    private record Query(String namespace, String metric, Map<String, String> dimensions, String stat, String key) {}

    private static void add(Map<String, Query> queries, Query query) {
        queries.put("q" + queries.size(), query);
    }

    private Figures figures(Instant start, Instant end, Map<String, List<String>> byAccount, Map<String, Double> values,
            List<String> problems) {
        List<DistributionFigures> distributions = new ArrayList<>();
        List<FunctionFigures> functions = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : byAccount.entrySet()) {
            Fleet.Account account = fleet.accountOf(entry.getValue().get(0));
            List<String> names = new ArrayList<>();
            for (String id : entry.getValue()) {
                String name = routing.distributions().containsKey(id) ? routing.distributions().get(id).name() : id;
                distributions.add(distribution(id, name, account, values));
                names.add(name);
            }
            DistributionFigures other = distribution(OTHER, OTHER, account, values);
            if (other.decisions() > 0) {
                distributions.add(other);
            }
            String fn = key(account);
            List<String> invoked = regions.stream().filter(r -> values.getOrDefault("invocations|" + fn + "|" + r, 0.0)
                    > 0).toList();
            double invocations = regions.stream().mapToDouble(r -> values.getOrDefault("invocations|" + fn + "|" + r,
                    0.0)).sum();
            functions.add(new FunctionFigures(account.id() == null ? "" : account.id(), "us-east-1." + account.function(),
                    invocations, values.getOrDefault("errors|" + fn, 0.0), values.getOrDefault("throttles|" + fn, 0.0),
                    Optional.ofNullable(values.get("durationp99|" + fn)), invoked));
        }
        List<String> withDecisions = regions.stream().filter(r -> values.containsKey("region|" + r)).toList();
        List<String> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(null);
        return new Figures(start, end, regions, distributions, functions, withDecisions, sortedProblems);
    }

    private DistributionFigures distribution(String id, String name, Fleet.Account account, Map<String, Double> values) {
        String at = key(account) + "|";
        Map<String, Double> byOutcome = new LinkedHashMap<>();
        double decisions;
        double redirects;
        if (routing.metrics() == MetricsDetail.OUTCOME) {
            OUTCOMES.forEach(o -> byOutcome.put(o, values.getOrDefault(at + "decisions|" + name + "|" + o, 0.0)));
            decisions = byOutcome.values().stream().mapToDouble(Double::doubleValue).sum();
            redirects = byOutcome.get("BUCKET") + byOutcome.get("REPLICA");
        } else {
            decisions = values.getOrDefault(at + "decisions|" + name + "|all", 0.0);
            redirects = values.getOrDefault(at + "redirects|" + name, 0.0);
        }
        return new DistributionFigures(id, name, account.id() == null ? "" : account.id(), byOutcome, decisions,
                redirects, values.getOrDefault(at + "unusable|" + name, 0.0), Optional.ofNullable(values.get(at + "s3p50|"
                + name)), Optional.ofNullable(values.get(at + "s3p99|" + name)), Optional.ofNullable(values.get("requests|" + id)),
                Optional.ofNullable(values.get("rate4xx|" + id)), Optional.ofNullable(values.get("rate5xx|" + id)));
    }

    private static String key(Fleet.Account account) {
        return String.valueOf(account.id());
    }
}
