package dev.registryedge.cli;

import dev.registryedge.cli.deploy.Console;
import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.cli.metrics.FleetDashboard;
import dev.registryedge.cli.metrics.FleetMetrics;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/** {@code dashboard}: the fleet's CloudWatch dashboard and alarms, printed or put in every account. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
        description = {"Writes, for every account of the fleet, a CloudWatch dashboard of the function's metrics"
                + " across the regions where Lambda@Edge runs and CloudFront's error rates, and the alarms worth"
                + " having: the function's errors in each region, each distribution's 5xx rate, and with"
                + " --fallback-alarms the share of decisions that fell back. Prints them as one JSON document"
                + " (PutDashboard's and PutMetricAlarm's input); with --put, puts them.",
            "Exit code 0 when everything was printed or put, 1 when something could not be put (the rest was)."})
final class DashboardCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Mixin
    private OperateCommands.Target target;

    @Option(names = "--name", defaultValue = "registry-edge", paramLabel = "NAME",
            description = "the dashboard's name in each account, and the alarms' prefix (default: ${DEFAULT-VALUE})")
    private String name;

    @Option(names = "--put", description = "put the dashboard and the alarms in every account (PutDashboard and"
            + " PutMetricAlarm replace ones of the same name)")
    private boolean put;

    @Option(names = "--regions", split = ",", paramLabel = "REGION,...",
            description = "the regions to show and alarm in (default: those with CloudFront regional edge caches)")
    private List<String> regions = new ArrayList<>(FleetMetrics.EDGE_REGIONS);

    @Option(names = "--fallback-alarms", description = "add an alarm per distribution and region on the share of"
            + " decisions that fell back because a target was unusable (each watches several metrics; see"
            + " docs/metrics.md for what they cost)")
    private boolean fallbackAlarms;

    @Option(names = "--alarm-action", paramLabel = "ARN",
            description = "what each alarm notifies, an SNS topic's ARN (repeatable; default: none)")
    private List<String> actions = new ArrayList<>();

    @Option(names = "--alarm-function-errors", defaultValue = "5", paramLabel = "N",
            description = "errors of the function in a region in 5 minutes (default: ${DEFAULT-VALUE})")
    private double functionErrors;

    @Option(names = "--alarm-fallback", defaultValue = "10", paramLabel = "PERCENT",
            description = "share of decisions that fell back, for 15 minutes (default: ${DEFAULT-VALUE})")
    private double fallback;

    @Option(names = "--alarm-5xx", defaultValue = "5", paramLabel = "PERCENT",
            description = "CloudFront's 5xx error rate, for 15 minutes (default: ${DEFAULT-VALUE})")
    private double serverErrors;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--name " + name + ": a dashboard name is 1"
                    + " to 255 letters, digits, - and _");
        }
        MetricsCommand.checkRegions(spec, regions);
        if (functionErrors < 1 || fallback <= 0 || serverErrors <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--alarm-function-errors takes 1 or more,"
                    + " --alarm-fallback and --alarm-5xx more than 0");
        }
        RoutingConfig routing = main.builtIn.routing();
        target.check(routing);
        Fleet fleet = target.fleet(routing);
        List<FleetDashboard.ForAccount> accounts = new FleetDashboard(fleet, routing, regions).build(target.distributions, name,
                new FleetDashboard.AlarmThresholds(functionErrors, fallback, serverErrors), fallbackAlarms, actions);
        if (!put) {
            List<Object> document = new ArrayList<>();
            for (FleetDashboard.ForAccount account : accounts) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("account", account.account().id());
                entry.put("dashboardName", account.dashboardName());
                entry.put("dashboardBody", account.body());
                entry.put("alarms", account.alarms().stream().map(a -> {
                    Map<String, Object> alarm = new LinkedHashMap<>();
                    alarm.put("region", a.region());
                    alarm.putAll(a.request());
                    return alarm;
                }).toList());
                document.add(entry);
            }
            main.out.println(Main.json(Map.of("accounts", document)));
            return 0;
        }
        int failed = 0;
        try (CloudWatchClients cloudWatch = new CloudWatchClients(target)) {
            for (FleetDashboard.ForAccount account : accounts) {
                String where = account.account().label();
                try {
                    var answer = cloudWatch.in(account.account(), "us-east-1").putDashboard(b -> b
                            .dashboardName(account.dashboardName()).dashboardBody(Main.json(account.body())));
                    answer.dashboardValidationMessages().forEach(m -> main.err.println("registry-edge: " + where
                            + ": dashboard " + account.dashboardName() + ": " + m.dataPath() + ": " + m.message()));
                    main.out.println(where + ": dashboard " + account.dashboardName() + " put");
                } catch (SdkException | IllegalStateException e) {
                    failed++;
                    main.out.println(where + ": dashboard " + account.dashboardName() + ": FAILED: " + Console.message(e));
                }
                int alarms = 0;
                for (FleetDashboard.Alarm alarm : account.alarms()) {
                    try {
                        cloudWatch.in(account.account(), alarm.region()).putMetricAlarm(request(alarm.request()));
                        alarms++;
                    } catch (SdkException | IllegalStateException e) {
                        failed++;
                        main.out.println(where + ": alarm " + alarm.name() + " in " + alarm.region() + ": FAILED: "
                                + Console.message(e));
                    }
                }
                main.out.println(where + ": " + alarms + " of " + account.alarms().size() + " alarms put");
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** PutMetricAlarm's input, from the same members the printed document has. */
    @SuppressWarnings("unchecked")
    static PutMetricAlarmRequest request(Map<String, Object> alarm) {
        PutMetricAlarmRequest.Builder request = PutMetricAlarmRequest.builder()
                .alarmName((String) alarm.get("AlarmName"))
                .alarmDescription((String) alarm.get("AlarmDescription"))
                .comparisonOperator((String) alarm.get("ComparisonOperator"))
                .evaluationPeriods((Integer) alarm.get("EvaluationPeriods"))
                .datapointsToAlarm((Integer) alarm.get("DatapointsToAlarm"))
                .threshold((Double) alarm.get("Threshold"))
                .treatMissingData((String) alarm.get("TreatMissingData"))
                .alarmActions((List<String>) alarm.get("AlarmActions"));
        if (alarm.containsKey("MetricName")) {
            request.namespace((String) alarm.get("Namespace")).metricName((String) alarm.get("MetricName"))
                    .dimensions(dimensions(alarm.get("Dimensions"))).statistic((String) alarm.get("Statistic"))
                    .period((Integer) alarm.get("Period"));
        } else {
            List<MetricDataQuery> queries = new ArrayList<>();
            for (Map<String, Object> query : (List<Map<String, Object>>) alarm.get("Metrics")) {
                MetricDataQuery.Builder built = MetricDataQuery.builder().id((String) query.get("Id"))
                        .returnData((Boolean) query.get("ReturnData"));
                if (query.containsKey("Expression")) {
                    built.expression((String) query.get("Expression")).label((String) query.get("Label"));
                } else {
                    Map<String, Object> stat = (Map<String, Object>) query.get("MetricStat");
                    Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
                    built.metricStat(s -> s.period((Integer) stat.get("Period")).stat((String) stat.get("Stat"))
                            .metric(m -> m.namespace((String) metric.get("Namespace"))
                                    .metricName((String) metric.get("MetricName"))
                                    .dimensions(dimensions(metric.get("Dimensions")))));
                }
                queries.add(built.build());
            }
            request.metrics(queries);
        }
        return request.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Dimension> dimensions(Object dimensions) {
        return ((List<Map<String, String>>) dimensions).stream().map(d -> Dimension.builder().name(d.get("Name"))
                .value(d.get("Value")).build()).toList();
    }
}
