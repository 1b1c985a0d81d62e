package dev.registryedge.cli;

import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.cli.metrics.FleetMetrics;
import dev.registryedge.cli.metrics.MetricsTable;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code metrics}: the fleet's figures from CloudWatch, every account and region at once. */
@Command(name = "metrics", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
        description = {"What the function did across the fleet: per distribution, its decisions and the share"
                + " redirected to its bucket and to a replica, targets found unusable, S3 check latency (the worst"
                + " region's), CloudFront's requests and 4xx/5xx rates; per account, the function's errors, throttles"
                + " and duration in every region where Lambda@Edge runs.",
            "Exit code 0 when every account and region was read, 1 when one was not (the others are shown)."})
final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Mixin
    private OperateCommands.Target target;

    @Option(names = "--since", defaultValue = "1h", paramLabel = "DURATION", converter = OperateCommands.Durations.class,
            description = "how far back from now (default: ${DEFAULT-VALUE})")
    private Duration since;

    @Option(names = "--regions", split = ",", paramLabel = "REGION,...",
            description = "where to read the function's metrics (default: the regions with CloudFront regional edge"
                    + " caches, where Lambda@Edge runs)")
    private List<String> regions = new ArrayList<>(FleetMetrics.EDGE_REGIONS);

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text: tables for people (default); json: one document for scripts")
    private String output;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output " + output + ": text or json");
        }
        if (since.isNegative() || since.isZero() || since.compareTo(Duration.ofDays(15)) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since " + since + ": more than nothing, at"
                    + " most 15 days (CloudWatch keeps one-minute data that long)");
        }
        checkRegions(spec, regions);
        RoutingConfig routing = main.builtIn.routing();
        target.check(routing);
        Fleet fleet = target.fleet(routing);
        if (routing.metrics() == MetricsDetail.OFF) {
            main.err.println("registry-edge: metrics are off in the routing configuration built in: only Lambda's and"
                    + " CloudFront's own figures can be shown");
        }
        try (CloudWatchClients cloudWatch = new CloudWatchClients(target)) {
            FleetMetrics.Figures figures = new FleetMetrics(fleet, routing, regions, cloudWatch)
                    .read(Instant.now(), since, target.distributions);
            if (output.equals("json")) {
                main.out.println(Main.json(MetricsTable.document(figures)));
            } else {
                MetricsTable.print(figures, main.out);
            }
            figures.problems().stream().distinct().forEach(problem -> main.err.println("registry-edge: not read: "
                    + problem));
            if (figures.regionsWithDecisions().isEmpty() && routing.metrics() != MetricsDetail.OFF) {
                main.err.println("registry-edge: no RegistryEdge metrics in " + String.join(", ", regions) + " for the"
                        + " last " + since.toString().substring(2).toLowerCase() + ": nothing decided, or the decision"
                        + " lines not turned into metrics there (docs/metrics.md)");
            }
            return figures.problems().isEmpty() ? 0 : 1;
        }
    }

    /** Refuses, before any call, a --regions value that is not an AWS region's name. */
    static void checkRegions(CommandLine.Model.CommandSpec spec, List<String> regions) {
        for (String region : regions) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--regions: '" + region
                        + "' is not an AWS region");
            }
        }
    }
}
