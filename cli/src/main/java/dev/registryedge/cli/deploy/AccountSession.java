package dev.registryedge.cli.deploy;

import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * One account of the fleet, reached: its distributions and its function, on clients signed with
 * that account's credentials (the operator role assumed there, or the caller's own).
 */
public final class AccountSession implements AutoCloseable {

    /** Opens a session per account: where credentials and clients are made (the command line). */
    public interface Opener {
        /** @throws RuntimeException when the account cannot be reached (its role not assumable, say) */
        AccountSession open(Fleet.Account account);
    }

    private final Fleet.Account account;
    private final LambdaClient lambda;
    private final CloudFrontClient cloudFront;
    private final DistributionStore distributions;
    private final FunctionInAccount function;
    private final List<AutoCloseable> alsoOpened;

    /**
     * @param cloudFront built with {@link RawResponses}
     * @param alsoOpened what else the session opened (STS client, credentials), closed with it
     */
    public AccountSession(Fleet.Account account, LambdaClient lambda, CloudFrontClient cloudFront,
            FleetRunner.Settings settings, Console console, List<AutoCloseable> alsoOpened) {
        this.account = account;
        this.alsoOpened = List.copyOf(alsoOpened);
        this.lambda = lambda;
        this.cloudFront = cloudFront;
        this.distributions = new DistributionStore(cloudFront, account, console);
        this.function = new FunctionInAccount(lambda, account.function(), settings.dryRun(), settings.pollInterval(),
                settings.waitTimeout(), console.out());
    }

    Fleet.Account account() {
        return account;
    }

    DistributionStore distributions() {
        return distributions;
    }

    FunctionInAccount function() {
        return function;
    }

    @Override
    public void close() {
        lambda.close();
        cloudFront.close();
        for (AutoCloseable opened : alsoOpened) {
            try {
                opened.close();
            } catch (Exception ignored) {
                // nothing left to do with it
            }
        }
    }
}
