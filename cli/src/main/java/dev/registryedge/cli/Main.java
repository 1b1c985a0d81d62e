package dev.registryedge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.jvm.LambdaHandler;
import dev.registryedge.cli.policy.IamPolicies;
import dev.registryedge.ipmap.lookup.IpLiteral;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code java -jar registry-edge.jar COMMAND}: {@code explain} (an address's region, prefix and
 * snapshot), {@code invoke} (run events through the handler as Lambda would), {@code policy}
 * (the IAM policies a deployment needs), and the operating commands ({@code deploy},
 * {@code status}, {@code disable}, {@code enable}, {@code rollback}). Exit codes: 0 done, 1 not
 * done as asked (an address in no region, an input that is not an event, a distribution that
 * could not be changed), 2 bad arguments.
 */
@Command(name = "registry-edge", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
        description = "The registry's CloudFront edge function, from the command line.",
        subcommands = {Main.Explain.class, Main.Invoke.class, Main.Policy.class, OperateCommands.Deploy.class,
            OperateCommands.Status.class, OperateCommands.Disable.class, OperateCommands.Enable.class,
            OperateCommands.Rollback.class, MetricsCommand.class, DashboardCommand.class, ReportCommand.class, PricesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Signs when the environment has no credentials, so that decisions can still be shown. */
    static final AwsBasicCredentials PLACEHOLDER = AwsBasicCredentials.create("AKIDREGISTRYEDGELOCAL", "local-placeholder");

    final BuiltIn builtIn;
    private final InputStream in;
    final PrintStream out;
    final PrintStream err;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private Main(BuiltIn builtIn, InputStream in, PrintStream out, PrintStream err) {
        this.builtIn = builtIn;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(BuiltIn.FUNCTION, args, in, out, err);
    }

    /** Runs a command on the given map and configuration instead of the function's (tests). */
    static int run(BuiltIn builtIn, String[] args, InputStream in, PrintStream out, PrintStream err) {
        return new CommandLine(new Main(builtIn, in, out, err))
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    /** {@code --version}: which IP map and configuration are compiled in. */
    static final class Snapshot implements CommandLine.IVersionProvider {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            BuiltIn builtIn = ((Main) spec.root().userObject()).builtIn;
            return new String[] {"registry-edge: ip-ranges.json syncToken " + builtIn.syncToken() + " (createDate "
                    + builtIn.createDate() + "), " + builtIn.routing().distributions().size() + " distributions"};
        }
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Snapshot.class,
            description = "Prints each address's region, the published prefix that placed it there, and the snapshot."
                    + " Exit code 1 when an address is in no region.")
    static final class Explain implements Callable<Integer> {
        @ParentCommand
        private Main main;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "IP", description = "IPv4 or IPv6 addresses")
        private List<String> addresses;

        @Override
        public Integer call() {
            for (String address : addresses) {
                if (IpLiteral.parseIpv4(address) == IpLiteral.NOT_IPV4 && !isIpv6(address)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "'" + address + "' is not an IPv4 or IPv6 address");
                }
            }
            int status = 0;
            for (String address : addresses) {
                String region = main.builtIn.regions().regionOf(address);
                String prefix = main.builtIn.regions().matchedPrefix(address);
                main.out.println(address + " " + (region == null ? "none" : region) + " "
                        + (prefix == null ? "-" : prefix) + " (ip-ranges.json syncToken " + main.builtIn.syncToken()
                        + ", createDate " + main.builtIn.createDate() + ")");
                if (region == null) {
                    status = 1;
                }
            }
            return status;
        }

        private static boolean isIpv6(String address) {
            try {
                IpLiteral.parseIpv6High64(address);
                return true;
            } catch (IllegalArgumentException notIpv6) {
                return false;
            }
        }
    }

    @Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = Snapshot.class,
            description = "Runs each viewer-request event (every JSON document of each file, or of standard input: a"
                    + " JSON Lines file of captured events is one event a line) through the handler in one"
                    + " process: one line of JSON per result on standard output, in order; decision logs on standard"
                    + " error. Without AWS credentials in the environment URLs are signed with a placeholder key.")
    static final class Invoke implements Callable<Integer> {
        @ParentCommand
        private Main main;

        @Option(names = "--s3-endpoint", paramLabel = "URL|REGION=URL,...",
                description = "where targets without an endpoint of their own are reached instead of AWS (path-style)")
        private String s3Endpoints;

        @Option(names = "--sts-endpoint", paramLabel = "URL", description = "where roles are assumed instead of AWS STS")
        private URI stsEndpoint;

        @Parameters(paramLabel = "FILE", description = "events as Lambda delivers them")
        private List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            AwsSettings settings = new AwsSettings(credentials(main.err), S3Endpoints.parse(s3Endpoints), stsEndpoint,
                    main.builtIn.routing(), Clock.SYSTEM);
            LambdaHandler handler = new LambdaHandler(LambdaHandler.router(settings, main.builtIn.regions(),
                    new PrintStreamDecisionLog(main.err)));
            int status = 0;
            if (files.isEmpty()) {
                status = invokeAll(handler, "standard input", main.in::readAllBytes);
            }
            for (Path file : files) {
                status = Math.max(status, invokeAll(handler, file.toString(), () -> Files.readAllBytes(file)));
            }
            return status;
        }

        /**
         * Every JSON document of one input, in order (a JSON Lines file of captured events is
         * one event a line), one result line each; what is left that is not a JSON event gets an
         * {@code {"error": ...}} line naming the input and where it is, in its place.
         */
        private int invokeAll(LambdaHandler handler, String name, Source source) {
            int events = 0;
            try (MappingIterator<Map<String, Object>> documents = JSON.readerFor(
                    new TypeReference<Map<String, Object>>() {}).readValues(source.read())) {
                while (documents.hasNextValue()) {
                    Map<String, Object> event = documents.nextValue();
                    events++;
                    main.out.println(JSON.writeValueAsString(handler.handleRequest(event, null)));
                }
            } catch (JsonProcessingException e) {
                return failed(name + ": not a JSON event at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + (events == 0 ? "" : " (after " + events + " events)") + ": "
                        + e.getOriginalMessage());
            } catch (IOException | RuntimeException e) {
                return failed(name + ": not a JSON event: " + e.getMessage());
            }
            return events == 0 ? failed(name + ": no JSON event in it") : 0;
        }

        private int failed(String problem) {
            main.err.println("registry-edge: " + problem);
            // One line in place of what could not be read, so that results still line up.
            main.out.println(JSON.createObjectNode().put("error", problem));
            return 1;
        }
    }

    @Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = Snapshot.class,
            description = "Prints, as JSON, the IAM policies the compiled-in routing configuration needs: the trust and"
                    + " permission policies of the function's role, and the permission policy of each role it assumes.")
    static final class Policy implements Callable<Integer> {
        @ParentCommand
        private Main main;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = {"-d", "--distribution"}, paramLabel = "ID",
                description = "a distribution the function serves (repeatable; default: every one in the configuration)")
        private List<String> distributions = new ArrayList<>();

        @Override
        public Integer call() throws JsonProcessingException {
            RoutingConfig routing = main.builtIn.routing();
            List<String> ids = distributions.isEmpty() ? List.copyOf(routing.distributions().keySet()) : distributions;
            try {
                main.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        IamPolicies.forDistributions(routing, ids)));
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.ParameterException(spec.commandLine(), unknown.getMessage());
            }
            return 0;
        }
    }

    /** One JSON document on one line. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps and strings always write as JSON", e);
        }
    }

    private interface Source {
        byte[] read() throws IOException;
    }

    /** The environment's credentials when it has any, else a placeholder (with a warning). */
    private static AwsCredentialsProvider credentials(PrintStream err) {
        AwsCredentialsProvider environment = AwsSettings.environmentCredentials();
        try {
            environment.resolveCredentials();
            return environment;
        } catch (RuntimeException none) {
            err.println("registry-edge: no AWS credentials in the environment; URLs are signed with a placeholder key"
                    + " and existence checks will be refused");
            return AwsCredentialsProviderChain.of(environment, StaticCredentialsProvider.create(PLACEHOLDER));
        }
    }
}
