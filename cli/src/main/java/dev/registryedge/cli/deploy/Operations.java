package dev.registryedge.cli.deploy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * deploy, disable, enable, rollback and status across the fleet: each a plan run by the
 * {@link FleetRunner}. The command line turns the outcomes into exit codes.
 */
public final class Operations {

    /** Lambda@Edge's limit for a viewer-request function's zip. */
    public static final long VIEWER_REQUEST_ZIP_LIMIT = 1024 * 1024;

    private record Row(SeenDistribution seen, Optional<StatusTable.Version> version) {}

    private final FleetRunner runner;
    private final Console console;

    public Operations(FleetRunner runner, Console console) {
        this.runner = runner;
        this.console = console;
    }

    /**
     * Publishes the zip's code in every account (creating the function with {@code creation}
     * where it is absent) and associates it with every distribution.
     *
     * @param description the version's description: what map and configuration it carries
     */
    public FleetRunner.Outcome deploy(LocalZip zip, String description, Optional<NewFunction> creation,
            List<String> named) {
        return runner.run(named, new DeployPlan(zip, description, creation,
                new LocalRecords(runner.settings().localRecords())));
    }

    /** The emergency switch; how many associations it removed is the outcome's {@code changed}. */
    public FleetRunner.Outcome disable(List<String> named) {
        String fleetOption = runner.fleet().file().map(f -> " --fleet " + f).orElse("");
        return runner.run(named, new DisablePlan(new LocalRecords(runner.settings().localRecords()), fleetOption,
                Clock.systemUTC()));
    }

    /**
     * @param version a published version number of each account's function, for distributions without a record
     * @param versionArn a function version's ARN, with {@code includeBody}, for distributions without a record
     * @param zip the local build, whose newest published version is the last resort
     */
    public FleetRunner.Outcome enable(List<String> named, Optional<String> version, Optional<String> versionArn,
            boolean includeBody, Optional<LocalZip> zip) {
        return runner.run(named, new EnablePlan(new EnablePlan.Given(version, versionArn.map(arn -> new Association(arn,
                includeBody))), zip, new LocalRecords(runner.settings().localRecords())));
    }

    public FleetRunner.Outcome rollback(List<String> named) {
        return runner.run(named, new RollbackPlan());
    }

    /**
     * Fills the table, per distribution: its account, the associated version, whether its code
     * is the local zip's, CloudFront's state. The caller prints it.
     */
    public FleetRunner.Outcome status(Optional<LocalZip> zip, List<String> named, StatusTable table) {
        FleetRunner.Reading reading = runner.read(named, false);
        Map<String, Optional<StatusTable.Version>> versions = new ConcurrentHashMap<>();
        List<Row> rows = runner.forEach(reading.reads(), read -> new Row(read.seen(), read.seen().viewerRequest()
                .flatMap(association -> versions.computeIfAbsent(association.arn(), arn -> {
                    try {
                        return Optional.of(read.session().function().describe(arn));
                    } catch (SdkException e) {
                        console.note("registry-edge: " + FunctionArns.shortName(arn) + ": " + Console.message(e));
                        return Optional.empty();
                    }
                }))));
        for (Row row : rows) {
            SeenDistribution seen = row.seen();
            table.add(seen.id(), seen.name(), seen.accountId(), BlobBehaviour.find(seen.config()).isPresent(),
                    seen.viewerRequest().map(Association::arn), row.version(), zip, seen.status());
        }
        return new FleetRunner.Outcome(!reading.reads().isEmpty(), reading.failed().size(), List.of(), true);
    }
}
