package dev.registryedge.cli.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * enable: puts back what disable removed, from its tag or the local records file (the newer of
 * the two); where neither has it, the association given ({@code --function-arn}, or
 * {@code --function-version} of the account's function), else the version the last deploy
 * installed, else the newest published version whose code is the local zip's; and says which it
 * chose.
 */
final class EnablePlan implements Plan {

    /** What to associate where nothing was recorded: a version number of the account's function, or a version ARN. */
    record Given(Optional<String> version, Optional<Association> association) {}

    private final Given given;
    private final Optional<LocalZip> zip;
    private final LocalRecords local;

    EnablePlan(Given given, Optional<LocalZip> zip, LocalRecords local) {
        this.given = given;
        this.zip = zip;
        this.local = local;
    }

    @Override
    public boolean strict() {
        return false;
    }

    @Override
    public InAccount in(AccountSession session, Console console) {
        FunctionInAccount function = session.function();
        DistributionStore store = session.distributions();
        // Looked up where needed only: an account whose distributions all have a record needs no such version.
        Supplier<Optional<Association>> givenHere = memoized(() -> {
            if (given.association().isPresent()) {
                return given.association();
            }
            try {
                return given.version().map(v -> new Association(function.versionArn(v), false));
            } catch (SdkException e) {
                throw new Refused("version " + given.version().get() + " of " + function.name() + ": "
                        + Console.message(e));
            }
        });
        return new InAccount() {
            @Override
            public Optional<Association> wanted(SeenDistribution seen, Optional<Association> now) {
                if (now.isPresent()) {
                    return now;
                }
                Map<String, String> tags = store.tags(seen);
                Optional<Records.Disabled> tagged = Optional.ofNullable(tags.get(Records.DISABLED))
                        .map(value -> Records.disabled("tag " + Records.DISABLED, value));
                Optional<Records.Disabled> kept = local.get(seen.id())
                        .map(value -> Records.disabled(local.file().toString(), value));
                Optional<Records.Disabled> newer = Records.Disabled.newer(tagged, kept);
                if (newer.isPresent()) {
                    if (newer == kept) {
                        console.line(seen, "restoring what disable kept in " + local.file());
                    }
                    return Optional.of(newer.get().association());
                }
                Optional<Association> named = givenHere.get();
                if (named.isPresent()) {
                    return named;
                }
                if (tags.containsKey(Records.LAST_DEPLOY)) {
                    String installed = Records.lastDeploy("tag " + Records.LAST_DEPLOY, tags.get(Records.LAST_DEPLOY))
                            .to();
                    console.line(seen, "no record of disable; restoring " + FunctionArns.shortName(installed)
                            + ", the version the last deploy installed (tag " + Records.LAST_DEPLOY + ")");
                    return Optional.of(new Association(installed, false));
                }
                Optional<String> newest = zip.flatMap(z -> function.newestWith(z.codeSha256()))
                        .map(v -> v.functionArn());
                if (newest.isPresent()) {
                    console.line(seen, "no record of disable; restoring " + FunctionArns.shortName(newest.get())
                            + ", the newest published version with the local zip's code");
                    return Optional.of(new Association(newest.get(), false));
                }
                throw new Refused("no association recorded by disable (tag " + Records.DISABLED + ", or "
                        + local.file() + "), no deploy recorded, and no published version with the local zip's code;"
                        + " name one with --function-version N or --function-arn ARN");
            }

            @Override
            public void changed(SeenDistribution after, Optional<Association> before, Optional<Association> now) {
                try {
                    store.untag(after, Records.DISABLED);
                } catch (SdkException e) {
                    console.note(after.label() + ": could not remove tag " + Records.DISABLED + " ("
                            + Console.message(e) + ")");
                }
                local.remove(after.id());
            }
        };
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean known;

            @Override
            public synchronized T get() {
                if (!known) {
                    value = supplier.get();
                    known = true;
                }
                return value;
            }
        };
    }
}
