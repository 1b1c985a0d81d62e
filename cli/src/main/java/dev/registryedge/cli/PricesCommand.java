package dev.registryedge.cli;

import dev.registryedge.cli.prices.PriceListException;
import dev.registryedge.cli.prices.PriceListRefresh;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code registry-edge prices}: the price table refreshed from AWS's Price List. */
@Command(name = "prices", mixinStandardHelpOptions = true, versionProvider = Main.Snapshot.class,
        description = {"Refreshes the savings report's price table from AWS's public Price List (the bulk offer files"
                + " of CloudFront, S3 and Lambda; no credentials needed), prints what changed, and rewrites the table"
                + " whole. Figures the Price List does not carry (free tier, flat-rate plans, edge locations, stores"
                + " outside AWS, your commitment) are kept as they are. Any failure changes nothing.",
            "Exit code 0 when the table is refreshed (or would be, with --dry-run), 1 when the Price List could not"
                + " be read, 2 for bad arguments."})
final class PricesCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", paramLabel = "FILE", defaultValue = "data/prices.json",
            description = "the price table to refresh (default: ${DEFAULT-VALUE})")
    private Path table;

    @Option(names = "--price-list", paramLabel = "URL", description = "where the Price List is (default: AWS's,"
            + " https://pricing.us-east-1.amazonaws.com)")
    private URI priceList = PriceListRefresh.AWS;

    @Option(names = "--dry-run", description = "print what would change; write nothing")
    private boolean dryRun;

    @Option(names = "--connect-timeout", defaultValue = "10s", paramLabel = "DURATION",
            converter = OperateCommands.Durations.class,
            description = "the most opening a connection may take (default: ${DEFAULT-VALUE})")
    private Duration connectTimeout;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION",
            converter = OperateCommands.Durations.class,
            description = "the most each whole download may take, body included (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(table)) {
            throw new CommandLine.ParameterException(spec.commandLine(), table + ": no such file (give --table)");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative() || timeout.isZero() || timeout.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--connect-timeout and --timeout: more than 0");
        }
        String scheme = priceList.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || priceList.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--price-list " + priceList
                    + ": an http:// or https:// URL with a host");
        }
        try {
            PriceListRefresh.Result result = new PriceListRefresh(priceList, connectTimeout, timeout).run(table, dryRun,
                    LocalDate.now(ZoneOffset.UTC).toString(), main.err);
            main.out.println("prices: " + result.figures() + " figures read from the Price List, "
                    + result.changes().size() + " changed" + (result.changes().isEmpty() ? "" : ":"));
            result.changes().forEach(change -> main.out.println("  " + change));
            main.out.println(dryRun ? "nothing written (--dry-run)" : table + " rewritten");
            return 0;
        } catch (PriceListException failed) {
            main.err.println("registry-edge: " + failed.getMessage() + "; " + table + " is unchanged");
            return 1;
        }
    }
}
