package dev.registryedge.cli;

import dev.registryedge.cli.report.Bill;
import dev.registryedge.cli.report.HtmlPage;
import dev.registryedge.cli.report.Prices;
import dev.registryedge.cli.report.ReportText;
import dev.registryedge.cli.report.SavingsReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code report}: the arguments; {@link SavingsReport} does the work. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
        description = {"What the function saves, or would save: replays every blob GET in CloudFront standard logs"
                + " through the routing compiled into this build, prices it (data/prices.json), and prints the"
                + " requests, bytes and dollars per outcome against serving everything through CloudFront.",
            "Exit code 0 when anything could be read (problems are listed), 1 when nothing could, 2 for bad"
                + " arguments."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOGS", description = "CloudFront access logs, and directories"
            + " holding them under any layout: legacy standard logs, or standard logging v2's W3C, Plain, JSON or"
            + " Parquet files, CloudWatch Logs exports or Firehose files; gzip or not; told by their content")
    private List<Path> inputs;

    @Option(names = {"-d", "--distribution"}, paramLabel = "ID",
            description = "the distribution of every record that names none (default: the file's path says: a"
                    + " legacy log's name, a DistributionId= folder, or a folder named after a distribution)")
    private String distribution;

    @Option(names = "--fields", paramLabel = "NAMES", split = ",",
            description = "the fields of Plain files (v2 without a header), in their order, comma-separated"
                    + " (default: the standard log fields in their legacy order)")
    private List<String> fields;

    @Option(names = "--replicas", paramLabel = "none|all", description = "what checked targets (replicas, caches)"
            + " are assumed to hold; default: both bounds, none first")
    private String replicas;

    @Option(names = "--replicas-inventory", paramLabel = "FILE",
            description = "an S3 Inventory listing (CSV, or .csv.gz) of what the checked targets hold")
    private Path inventory;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "the function's decision log lines exported from CloudWatch Logs (gzip or not; repeatable):"
                    + " each logged 307 is attributed to the route its decision line names, by CloudFront's request id")
    private List<Path> decisions = new java.util.ArrayList<>();

    @Option(names = "--prices", paramLabel = "FILE", description = "a price table instead of the built-in one")
    private Path prices;

    @Option(names = "--json", paramLabel = "FILE", description = "write the report as JSON")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "write the report as one self-contained page")
    private Path html;

    @Option(names = "--free-tier", paramLabel = "available|used", defaultValue = "available",
            description = "whether CloudFront's always-free 1 TB and 10 M requests and S3's free 100 GB to the"
                    + " internet are left for these logs each month, or used up by the account elsewhere"
                    + " (default: ${DEFAULT-VALUE})")
    private String freeTier;

    @Option(names = "--elsewhere-gb", paramLabel = "GB", defaultValue = "0",
            description = "CloudFront transfer the account bills each month besides these logs, in GB: it comes"
                    + " first on the volume tiers (default: ${DEFAULT-VALUE})")
    private double elsewhereGb;

    @Option(names = "--elsewhere-requests", paramLabel = "N", defaultValue = "0",
            description = "CloudFront requests the account bills each month besides these logs"
                    + " (default: ${DEFAULT-VALUE})")
    private long elsewhereRequests;

    @Option(names = "--threads", paramLabel = "N", description = "files read at once (default: ${DEFAULT-VALUE})")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException, IOException {
        SavingsReport.Replicas mode = null;
        if (replicas != null && inventory != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replicas and --replicas-inventory exclude each other");
        }
        if (replicas != null) {
            try {
                mode = SavingsReport.Replicas.valueOf(replicas.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                mode = null;
            }
            if (mode == null || mode == SavingsReport.Replicas.INVENTORY) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--replicas " + replicas
                        + ": none or all (or give --replicas-inventory FILE)");
            }
        }
        if (inventory != null) {
            mode = SavingsReport.Replicas.INVENTORY;
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), input + ": no such file or directory");
            }
        }
        for (Path file : decisions) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
            }
        }
        for (Path file : new Path[] {prices, inventory}) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), file + ": no such file");
            }
        }
        if (!freeTier.equals("available") && !freeTier.equals("used")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--free-tier " + freeTier
                    + ": available or used");
        }
        if (elsewhereGb < 0 || elsewhereRequests < 0 || Double.isNaN(elsewhereGb) || Double.isInfinite(elsewhereGb)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--elsewhere-gb and --elsewhere-requests:"
                    + " a monthly amount, 0 or more");
        }
        for (String field : fields == null ? List.<String>of() : fields) {
            if (!SavingsReport.isLogField(field)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fields: '" + field + "' is not a"
                        + " field of CloudFront's access logs (names as the #Fields header of a W3C log gives them)");
            }
        }
        String refusal = fields == null ? null : SavingsReport.refusalOfFields(fields);
        if (refusal != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fields: " + refusal.replace("; the file is"
                    + " skipped", "").replace("; the rest of the file is skipped", ""));
        }
        checkOutput("--json", json);
        checkOutput("--html", html);
        if (threads < 1 || threads > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + ": 1 to 256");
        }
        SavingsReport.Result result;
        try {
            Prices table;
            if (prices == null) {
                table = Prices.builtIn();
            } else {
                try (InputStream in = Files.newInputStream(prices)) {
                    table = Prices.read(prices.toString(), in);
                }
            }
            result = new SavingsReport(main.builtIn.routing(), main.builtIn.regions()).run(new SavingsReport.Request(
                    inputs, distribution, mode, inventory, table, threads, System.console() != null ? main.err : null,
                    new Bill.Elsewhere(elsewhereGb, elsewhereRequests, freeTier.equals("used")), decisions,
                    fields == null ? SavingsReport.STANDARD_FIELDS : List.copyOf(fields)));
        } catch (IllegalArgumentException | IllegalStateException | IOException unreadable) {
            main.err.println("registry-edge: " + unreadable.getMessage());
            return 1;
        }
        main.out.print(ReportText.summary(result.json()));
        if (json != null) {
            write(json, result.json().toPrettyString() + "\n");
        }
        if (html != null) {
            write(html, HtmlPage.render(result.json()));
        }
        return result.readAnything() ? 0 : 1;
    }

    /**
     * Whole or not at all: a report is never left half-written. Written beside its place under a
     * name of its own, created as any new file is (so with the user's umask), then moved over.
     */
    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
        try {
            try (var out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * An output must be a new file or a regular one: a directory, a device or a link (to
     * {@code /dev/stdout}, say) would be replaced by the move, or refuse it after the work.
     */
    private void checkOutput(String option, Path file) {
        if (file != null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": not a regular file"
                    + " (a directory, a device or a link); give the path of a new or a regular file");
        }
    }
}
