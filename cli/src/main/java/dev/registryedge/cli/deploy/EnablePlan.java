package dev.registryedge.cli.deploy;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * enable: puts back what disable removed, from its tag or the local records file; where neither
 * has it, the version given, else the one the last deploy installed, else the newest published
 * version whose code is the local zip's; and says which it chose.
 */
final class EnablePlan implements Plan {

    private final Optional<String> version;
    private final Optional<LocalZip> zip;
    private final LocalRecords local;

    EnablePlan(Optional<String> version, Optional<LocalZip> zip, LocalRecords local) {
        this.version = version;
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
        Optional<String> given;
        try {
            given = version.map(function::versionArn);
        } catch (SdkException e) {
            throw new Refused("version " + version.get() + " of " + function.name() + ": " + Console.message(e));
        }
        DistributionStore store = session.distributions();
        return new InAccount() {
            @Override
            public Optional<Association> wanted(SeenDistribution seen, Optional<Association> now) {
                if (now.isPresent()) {
                    return now;
                }
                Map<String, String> tags = store.tags(seen);
                if (tags.containsKey(Records.DISABLED)) {
                    return Optional.of(Records.association("tag " + Records.DISABLED, tags.get(Records.DISABLED)));
                }
                Optional<String> kept = local.get(seen.id());
                if (kept.isPresent()) {
                    console.line(seen, "restoring what disable kept in " + local.file());
                    return Optional.of(Records.association(local.file().toString(), kept.get()));
                }
                if (given.isPresent()) {
                    return Optional.of(new Association(given.get(), false));
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
                        + " name one with --function-version N");
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
}
