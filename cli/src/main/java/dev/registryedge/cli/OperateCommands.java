package dev.registryedge.cli;

import dev.registryedge.cli.canary.CanaryRollout;
import dev.registryedge.cli.canary.Thresholds;
import dev.registryedge.cli.deploy.AccountSession;
import dev.registryedge.cli.deploy.Console;
import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.cli.deploy.FleetRunner;
import dev.registryedge.cli.deploy.Interruption;
import dev.registryedge.cli.deploy.NewFunction;
import dev.registryedge.cli.deploy.Operations;
import dev.registryedge.cli.deploy.RawResponses;
import dev.registryedge.cli.deploy.FunctionArns;
import dev.registryedge.cli.deploy.LocalZip;
import dev.registryedge.cli.deploy.StatusTable;
import dev.registryedge.cli.metrics.FleetMetrics;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * deploy, status, disable, enable and rollback: the arguments, checked before any call, the fleet
 * file, the SDK clients for each account, exit codes; {@link Operations} does the work.
 */
final class OperateCommands {

    /** Where the fleet file is looked for when --fleet names none. */
    static final Path DEFAULT_FLEET = Path.of("data", "fleet.json");
    /** How the operator's sessions in the fleet's accounts are named (CloudTrail shows it). */
    static final String SESSION_NAME = "registry-edge-operator";

    /** Exit codes. */
    static final int DONE = 0;
    static final int NOT_DONE = 1;
    /** Every change made, but CloudFront had not deployed all of them when the wait ended. */
    static final int NOT_YET_DEPLOYED = 3;
    /** deploy --canary: a threshold crossed, the canaries rolled back, the rest untouched. */
    static final int CANARY_ROLLED_BACK = 4;
    /** deploy --canary: the figures to judge the canaries by were missing; the rest untouched. */
    static final int CANARY_NOT_JUDGED = 5;

    private OperateCommands() {}

    static int exitCode(FleetRunner.Outcome outcome) {
        if (!outcome.actedOn() || outcome.failed() > 0) {
            return NOT_DONE;
        }
        return outcome.deployed() ? DONE : NOT_YET_DEPLOYED;
    }

    /** Which function and distributions a command acts on, and where the AWS APIs are. */
    static final class Target {
        @Spec(Spec.Target.MIXEE)
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--function", defaultValue = "registry-edge", paramLabel = "NAME|ARN",
                description = "the function, in us-east-1 (default: ${DEFAULT-VALUE}); a fleet file's account may"
                        + " name its own")
        String function;

        @Option(names = "--fleet", paramLabel = "FILE", description = "the fleet file: each distribution's account"
                + " and the role to assume there (default: data/fleet.json where it exists; without one, every"
                + " distribution is in the account of these credentials)")
        Path fleetFile;

        @Option(names = {"-d", "--distribution"}, paramLabel = "ID",
                description = "a distribution to act on (repeatable; default: every one in the routing configuration;"
                        + " without a fleet file, every one these credentials can see)")
        List<String> distributions = new ArrayList<>();

        @Option(names = "--poll-interval", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
                description = "how often to ask AWS whether a change is done (default: ${DEFAULT-VALUE})")
        Duration pollInterval;

        @Option(names = "--lambda-endpoint", paramLabel = "URL",
                description = "reach the Lambda API here instead of AWS (tests, local stand-ins)")
        URI lambdaEndpoint;

        @Option(names = "--cloudfront-endpoint", paramLabel = "URL",
                description = "reach the CloudFront API here instead of AWS (tests, local stand-ins)")
        URI cloudFrontEndpoint;

        @Option(names = "--attempt-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
                description = "the longest one attempt of an AWS call may take (default: ${DEFAULT-VALUE})")
        Duration attemptTimeout;

        @Option(names = "--call-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = Durations.class,
                description = "the longest an AWS call may take, its retries included; a distribution whose call"
                        + " takes longer is a FAILED line, not a hung command (default: ${DEFAULT-VALUE})")
        Duration callTimeout;

        /** The checks that need no call: the function's region, distributions the build knows. */
        void check(RoutingConfig routing) {
            String region = FunctionArns.regionOf(function);
            if (region != null && !region.equals(FunctionArns.EDGE_REGION)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--function " + function + " is in "
                        + region + ": Lambda@Edge takes functions in " + FunctionArns.EDGE_REGION + " only");
            }
            if (FunctionArns.isQualified(function)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--function " + function
                        + " names a version or alias: give the function itself");
            }
            for (String id : distributions) {
                if (!routing.distributions().containsKey(id)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "distribution " + id + " is not in"
                            + " the routing configuration built in (it has " + routing.distributions().keySet()
                            + "): the function would let CloudFront serve all of it");
                }
            }
        }

        /**
         * The fleet file: {@code --fleet}, else {@code data/fleet.json} where it exists; without
         * one, every distribution is in the account of the caller's credentials.
         */
        Fleet fleet(RoutingConfig routing) {
            Path file = fleetFile != null ? fleetFile : DEFAULT_FLEET;
            if (fleetFile == null && !Files.exists(file)) {
                return Fleet.callersOwn(routing, function);
            }
            try {
                return Fleet.read(file, routing, function);
            } catch (IllegalArgumentException invalid) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fleet " + invalid.getMessage());
            }
        }

        /** Runs one operation on clients built for each account, closed afterwards; Ctrl-C lets changes in flight finish. */
        int run(Main main, Changes changes, ToIntFunction<Operations> operation) {
            RoutingConfig routing = main.builtIn.routing();
            check(routing);
            Fleet fleet = fleet(routing);
            var settings = new FleetRunner.Settings(changes.dryRun, !changes.noWait, pollInterval, changes.waitTimeout,
                    changes.records);
            Console console = new Console(main.out, main.err);
            // A change in flight is at most four calls: its reads, the update, and its record.
            Interruption interruption = new Interruption(callTimeout.multipliedBy(4), main.err);
            interruption.install();
            try (DefaultCredentialsProvider caller = DefaultCredentialsProvider.builder().build();
                    FleetRunner runner = new FleetRunner(fleet, routing, account -> open(account, caller, settings,
                            console), settings, console, interruption)) {
                return operation.applyAsInt(new Operations(runner, console));
            } finally {
                interruption.uninstall();
            }
        }

        /**
         * Clients for one account, with the SDK's standard configuration (profiles, {@code
         * AWS_ENDPOINT_URL_<SERVICE>}) and every call bounded: one stalled answer must not hold an
         * emergency switch for minutes. In an account with a role, the role is assumed first, so
         * that an account out of reach says so on its own lines; in one without, the caller's
         * credentials must be of that account.
         */
        /** An account's credentials, and what was opened to get them (closed with the clients built on them). */
        record Reached(AwsCredentialsProvider credentials, List<AutoCloseable> opened) {}

        /**
         * The credentials for one account: the role assumed there (first, so that an account out
         * of reach says so on its own lines), or the caller's own, which must then be of that
         * account.
         */
        Reached reach(Fleet.Account account, AwsCredentialsProvider caller) {
            List<AutoCloseable> opened = new ArrayList<>();
            try {
                AwsCredentialsProvider credentials = caller;
                if (account.id() != null) {
                    StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(caller)
                            .httpClientBuilder(UrlConnectionHttpClient.builder())
                            .overrideConfiguration(c -> c.apiCallAttemptTimeout(attemptTimeout)
                                    .apiCallTimeout(callTimeout)).build();
                    opened.add(sts);
                    if (account.roleArn().isPresent()) {
                        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                                .stsClient(sts).refreshRequest(r -> r.roleArn(account.roleArn().get())
                                        .roleSessionName(SESSION_NAME)).build();
                        opened.add(assumed);
                        assumed.resolveCredentials();
                        credentials = assumed;
                    } else {
                        String own = sts.getCallerIdentity().account();
                        if (!own.equals(account.id())) {
                            throw new IllegalStateException("these credentials are of account " + own + ", not "
                                    + account.id() + ": give the account a roleArn in the fleet file, or run with"
                                    + " its credentials");
                        }
                    }
                }
                return new Reached(credentials, opened);
            } catch (RuntimeException unreachable) {
                opened.forEach(OperateCommands::closeQuietly);
                throw unreachable;
            }
        }

        /** Bounded calls, for every client: one stalled answer must not hold a command for minutes. */
        ClientOverrideConfiguration.Builder bounded(ClientOverrideConfiguration.Builder config) {
            return config.apiCallAttemptTimeout(attemptTimeout).apiCallTimeout(callTimeout);
        }

        /**
         * Clients for one account, with the SDK's standard configuration (profiles, {@code
         * AWS_ENDPOINT_URL_<SERVICE>}) and every call bounded.
         */
        private AccountSession open(Fleet.Account account, AwsCredentialsProvider caller, FleetRunner.Settings settings,
                Console console) {
            Reached reached = reach(account, caller);
            AwsCredentialsProvider credentials = reached.credentials();
            try {
                // CloudFront is global and signs in us-east-1; the aws-global pseudo-region would
                // sign as "aws-global" when the endpoint is overridden.
                var lambda = LambdaClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .overrideConfiguration(this::bounded);
                var cloudFront = CloudFrontClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .overrideConfiguration(c -> bounded(c).addExecutionInterceptor(new RawResponses()));
                if (lambdaEndpoint != null) {
                    lambda.endpointOverride(lambdaEndpoint);
                }
                if (cloudFrontEndpoint != null) {
                    cloudFront.endpointOverride(cloudFrontEndpoint);
                }
                return new AccountSession(account, lambda.build(), cloudFront.build(), settings, console,
                        reached.opened());
            } catch (RuntimeException unusable) {
                reached.opened().forEach(OperateCommands::closeQuietly);
                throw unusable;
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what could not be used
        }
    }

    /** How a command that changes distributions runs. */
    static final class Changes {
        @Option(names = "--dry-run", description = "read everything and print, per distribution, what would change;"
                + " change nothing")
        boolean dryRun;

        @Option(names = "--no-wait", description = "do not wait until CloudFront has deployed the changes")
        boolean noWait;

        @Option(names = "--wait-timeout", defaultValue = "30m", paramLabel = "DURATION", converter = Durations.class,
                description = "how long to wait for Lambda and CloudFront (default: ${DEFAULT-VALUE})")
        Duration waitTimeout;

        @Option(names = "--records", defaultValue = "registry-edge-disabled.properties", paramLabel = "FILE",
                description = "where disable keeps what it removed when CloudFront will not take the record as a"
                        + " tag, and enable looks for it (default: ${DEFAULT-VALUE}, in the working directory)")
        Path records;

        /** For commands that change nothing. */
        static Changes none() {
            Changes none = new Changes();
            none.waitTimeout = Duration.ofMinutes(30);
            none.records = Path.of("registry-edge-disabled.properties");
            return none;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
            description = {"Uploads the edge function to Lambda in us-east-1 (creating it with --role when absent),"
                    + " publishes a version, associates it with the blob cache behaviour ("
                    + "/docker/registry/v2/blobs/*) of every distribution as its viewer-request function, and waits"
                    + " until CloudFront has deployed it. Safe to run again: nothing is uploaded, published or changed"
                    + " when a published version already has this code and every distribution uses it.",
                "With --canary, the canary distributions first: once CloudFront has deployed them, their metrics"
                    + " are read for the bake time and compared with the hour before; the rest follows only when"
                    + " function errors, the fall-back share and the 5xx rate stayed within the thresholds, and the"
                    + " canaries are rolled back when one did not.",
                "Exit code 0 when every distribution is done, 1 when one is not (the others are done), 2 for bad"
                    + " arguments, 3 when CloudFront had not deployed every change when the wait ended (run again"
                    + " to wait more), 4 when a canary crossed a threshold and was rolled back, 5 when the metrics to"
                    + " judge a canary by were missing (the rest untouched either way)."})
    static final class Deploy extends Changing {
        @Option(names = "--zip", paramLabel = "FILE",
                description = "the Node.js build (default: edge-function.zip beside this jar)")
        private Path zip = defaultZip();

        @Option(names = "--role", paramLabel = "ARN", description = "the function's role, to create the function"
                + " when it does not exist (`policy` prints what it needs)")
        private String role;

        @Option(names = "--runtime", defaultValue = "nodejs22.x", paramLabel = "RUNTIME",
                description = "the runtime of a new function: nodejs22.x or nodejs24.x (default: ${DEFAULT-VALUE})")
        private String runtime;

        @Option(names = "--canary", paramLabel = "ID", description = "deploy to this distribution first and watch"
                + " it for the bake time before the rest follows (repeatable)")
        private List<String> canaries = new ArrayList<>();

        @Option(names = "--bake", defaultValue = "15m", paramLabel = "DURATION", converter = Durations.class,
                description = "with --canary: how long to watch the canaries once deployed (default: ${DEFAULT-VALUE})")
        private Duration bake;

        @Option(names = "--check-every", defaultValue = "1m", paramLabel = "DURATION", converter = Durations.class,
                description = "with --canary: how often to read their metrics meanwhile (default: ${DEFAULT-VALUE})")
        private Duration checkEvery;

        @Option(names = "--max-function-errors", defaultValue = "" + Thresholds.FUNCTION_ERRORS, paramLabel = "POINTS",
                description = "with --canary: roll back when the function's errors per 100 invocations rise more than"
                        + " this above the hour before (default: ${DEFAULT-VALUE})")
        private double maxFunctionErrors;

        @Option(names = "--max-fallback", defaultValue = "" + Thresholds.FALLBACK, paramLabel = "POINTS",
                description = "with --canary: roll back when the share of decisions that fell back because a target"
                        + " was unusable rises more than this many percentage points (default: ${DEFAULT-VALUE})")
        private double maxFallback;

        @Option(names = "--max-5xx", defaultValue = "" + Thresholds.SERVER_ERRORS, paramLabel = "POINTS",
                description = "with --canary: roll back when CloudFront's 5xx error rate rises more than this many"
                        + " percentage points (default: ${DEFAULT-VALUE})")
        private double max5xx;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        private LocalZip code;

        @Override
        public Integer call() {
            target.check(main.builtIn.routing());
            if (!runtime.equals("nodejs22.x") && !runtime.equals("nodejs24.x")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runtime " + runtime
                        + ": the build is tested on nodejs22.x and nodejs24.x");
            }
            if (!canaries.isEmpty()) {
                checkCanary(main.builtIn.routing());
            }
            try {
                code = LocalZip.read(zip);
            } catch (IllegalArgumentException refused) {
                main.err.println("registry-edge: " + refused.getMessage());
                return NOT_DONE;
            }
            return super.call();
        }

        private void checkCanary(RoutingConfig routing) {
            String problem = null;
            if (routing.metrics() == MetricsDetail.OFF) {
                problem = "--canary: metrics are off in the routing configuration built in, so the canaries' decisions"
                        + " cannot be watched";
            } else if (changes.dryRun || changes.noWait) {
                problem = "--canary is a real deploy that waits for CloudFront: not with --dry-run or --no-wait";
            } else if (bake.isNegative() || bake.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
                problem = "--bake and --check-every take a duration of more than nothing";
            } else if (maxFunctionErrors < 0 || maxFallback < 0 || max5xx < 0) {
                problem = "--max-function-errors, --max-fallback and --max-5xx take percentage points, 0 or more";
            }
            for (String id : canaries) {
                if (problem == null && !target.distributions.isEmpty() && !target.distributions.contains(id)) {
                    problem = "--canary " + id + " is not among the distributions named with -d";
                }
                if (problem == null && !routing.distributions().containsKey(id)) {
                    problem = "--canary " + id + " is not in the routing configuration built in (it has "
                            + routing.distributions().keySet() + ")";
                }
            }
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
            canaries = new ArrayList<>(new java.util.LinkedHashSet<>(canaries));
        }

        @Override
        int operate(Operations operations) {
            String description = StatusTable.versionDescription(main.builtIn.createDate(), main.builtIn.syncToken());
            Optional<NewFunction> creation = Optional.ofNullable(role).map(arn -> new NewFunction(arn, runtime));
            if (canaries.isEmpty()) {
                return exitCode(operations.deploy(code, description, creation, target.distributions));
            }
            RoutingConfig routing = main.builtIn.routing();
            List<String> rest = new ArrayList<>(target.distributions.isEmpty() ? routing.distributions().keySet()
                    : target.distributions);
            rest.removeAll(canaries);
            try (CloudWatchClients cloudWatch = new CloudWatchClients(target)) {
                FleetMetrics metrics = new FleetMetrics(target.fleet(routing), routing, FleetMetrics.EDGE_REGIONS,
                        cloudWatch);
                CanaryRollout.Result result = new CanaryRollout(metrics, new Thresholds(maxFunctionErrors, maxFallback,
                        max5xx), bake, checkEvery, Clock.systemUTC(), main.out, main.err).run(new CanaryRollout.Steps(
                                ids -> operations.deploy(code, description, creation, ids), operations::rollback),
                        canaries, rest);
                return switch (result.ending()) {
                    case ROLLED_BACK -> CANARY_ROLLED_BACK;
                    case NOT_JUDGED -> CANARY_NOT_JUDGED;
                    case ROLLBACK_INCOMPLETE -> NOT_DONE;
                    case CANARY_NOT_DEPLOYED, FOLLOWED -> exitCode(result.outcome());
                };
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                main.err.println("registry-edge: canary: interrupted while baking; the rest of the fleet is untouched");
                return NOT_DONE;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
            description = "Per distribution: the associated version, whether its code is the local zip's,"
                    + " CloudFront's state, and the age of the version's IP map and of the version itself.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        private Main main;

        @Mixin
        private Target target;

        @Option(names = "--zip", paramLabel = "FILE",
                description = "the local Node.js build to compare with (default: edge-function.zip beside this jar)")
        private Path zip = defaultZip();

        @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
                description = "text: a table for people (default); json: one document for scripts")
        private String output;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Every argument is checked before anything is printed: a script gets nothing on
            // standard output from a command that exits 2.
            if (!output.equals("text") && !output.equals("json")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--output " + output + ": text or json");
            }
            target.check(main.builtIn.routing());
            StatusTable table = new StatusTable(Clock.systemUTC());
            Optional<LocalZip> local = localZipIfAny(zip, main);
            Optional<LocalZip> zipRead = local;
            int status = target.run(main, Changes.none(), operations -> exitCode(operations.status(zipRead,
                    target.distributions, table)));
            String mapAge = table.mapAge(main.builtIn.createDate());
            if (output.equals("json")) {
                Map<String, Object> document = new LinkedHashMap<>();
                Map<String, Object> localMembers = new LinkedHashMap<>();
                localMembers.put("zip", zip.toString());
                localMembers.put("codeSha256", local.map(LocalZip::codeSha256).orElse(null));
                localMembers.put("ipRangesCreateDate", main.builtIn.createDate());
                localMembers.put("ipRangesSyncToken", main.builtIn.syncToken());
                localMembers.put("ipMap", mapAge);
                document.put("local", localMembers);
                document.put("distributions", table.records());
                main.out.println(Main.json(document));
            } else {
                main.out.println("local: " + local.map(z -> z.path() + " (code sha256 " + z.codeSha256() + ")")
                        .orElse("no zip at " + zip) + ", ip-ranges " + mapAge);
                if (!table.isEmpty()) {
                    table.print(main.out);
                }
            }
            return status;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
            description = {"The emergency switch: removes the function from the blob behaviour of every distribution"
                    + " (CloudFront then serves every blob itself), remembering it for `enable`. Goes on past a"
                    + " distribution it cannot change and names it at the end.",
                "Exit code 0 when every distribution is done, 1 when one is not, 3 when CloudFront had not deployed"
                    + " every change when the wait ended."})
    static final class Disable extends Changing {
        @Override
        int operate(Operations operations) {
            FleetRunner.Outcome outcome = operations.disable(target.distributions);
            if (!changes.dryRun && outcome.actedOn() && outcome.failed() == 0) {
                main.out.println(!outcome.changed().isEmpty()
                        ? "disabled: CloudFront serves blobs itself wherever the change is deployed; `enable` undoes it"
                        : "nothing to disable: the function was associated with none of these distributions");
            }
            return exitCode(outcome);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
            description = {"Puts back the association `disable` removed, exactly as it was. Goes on past a"
                    + " distribution it cannot change and names it at the end.",
                "Exit code 0 when every distribution is done, 1 when one is not, 3 when CloudFront had not deployed"
                    + " every change when the wait ended."})
    static final class Enable extends Changing {
        @Option(names = "--function-version", paramLabel = "N",
                description = "associate this published version of each account's function where disable recorded"
                        + " nothing")
        private String version;

        @Option(names = "--function-arn", paramLabel = "ARN",
                description = "associate this function version (arn:aws:lambda:us-east-1:ACCOUNT:function:NAME:N)"
                        + " where disable recorded nothing: what disable prints when it could not record")
        private String versionArn;

        @Option(names = "--include-body", description = "with --function-arn: the association includes the body")
        private boolean includeBody;

        @Option(names = "--zip", paramLabel = "FILE", description = "where neither disable nor a deploy recorded"
                + " anything, the newest published version with this build's code is put back (default:"
                + " edge-function.zip beside this jar)")
        private Path zip = defaultZip();

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        int operate(Operations operations) {
            return exitCode(operations.enable(target.distributions, Optional.ofNullable(version),
                    Optional.ofNullable(versionArn), includeBody, localZipIfAny(zip, main)));
        }

        @Override
        public Integer call() {
            if (version != null && !version.matches("[1-9][0-9]*")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--function-version " + version
                        + ": a published version number (Lambda@Edge takes neither $LATEST nor aliases)");
            }
            if (versionArn != null && (version != null || !FunctionArns.isNumberedVersion(versionArn)
                    || !FunctionArns.EDGE_REGION.equals(FunctionArns.regionOf(versionArn)))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--function-arn " + versionArn
                        + (version != null ? ": give --function-version or --function-arn, not both"
                        : ": a numbered version of a function in us-east-1 (arn:aws:lambda:us-east-1:ACCOUNT:function:NAME:N)"));
            }
            if (includeBody && versionArn == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--include-body goes with --function-arn");
            }
            return super.call();
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
            description = {"Associates again the version the last deploy replaced, where the version it installed"
                    + " is still associated. Safe to run twice; `deploy` goes forward again.",
                "Exit code 0 when every distribution is done, 1 when one is not, 3 when CloudFront had not deployed"
                    + " every change when the wait ended."})
    static final class Rollback extends Changing {
        @Override
        int operate(Operations operations) {
            return exitCode(operations.rollback(target.distributions));
        }
    }

    /** A command that changes distributions: the function, the distributions, how to run. */
    abstract static class Changing implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Mixin
        Target target;

        @Mixin
        Changes changes;

        abstract int operate(Operations operations);

        @Override
        public Integer call() {
            return target.run(main, changes, this::operate);
        }
    }

    /** The local build to compare with, where there is one; one that cannot be used is said and ignored. */
    private static Optional<LocalZip> localZipIfAny(Path zip, Main main) {
        if (!Files.exists(zip)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalZip.read(zip));
        } catch (IllegalArgumentException unusable) {
            main.err.println("registry-edge: " + unusable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * edge-function.zip beside the running jar; else, in a checkout (the jar in cli/target), the
     * one the handler module builds; else handler/target under the working directory.
     */
    private static Path defaultZip() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.toString().endsWith(".jar")) {
                Path beside = jar.resolveSibling("edge-function.zip");
                Path inCheckout = jar.resolveSibling("../../handler/target/edge-function.zip").normalize();
                return Files.exists(beside) || !Files.exists(inCheckout) ? beside : inCheckout;
            }
        } catch (URISyntaxException | RuntimeException notAFile) {
            // fall through to the checkout's path
        }
        return Path.of("handler", "target", "edge-function.zip");
    }

    /** {@code 500ms}, {@code 10s}, {@code 30m}, or ISO-8601 ({@code PT10S}). */
    static final class Durations implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.toLowerCase(Locale.ROOT);
            try {
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.endsWith("s") || text.endsWith("m") || text.endsWith("h")) {
                    long amount = Long.parseLong(text.substring(0, text.length() - 1));
                    return text.endsWith("s") ? Duration.ofSeconds(amount)
                            : text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
                }
                return Duration.parse(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (500ms, 10s, 30m)");
            }
        }
    }
}
