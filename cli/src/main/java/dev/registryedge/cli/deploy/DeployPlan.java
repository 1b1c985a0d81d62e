package dev.registryedge.cli.deploy;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * deploy: in each account, the newest published version with the zip's code (uploading and
 * publishing one when there is none), associated with every distribution of that account; one
 * switched off by disable (its tag, or the local records file) is left alone. What it replaced is recorded for rollback.
 */
final class DeployPlan implements Plan {

    private final LocalZip zip;
    private final String description;
    private final Optional<NewFunction> creation;
    private final LocalRecords local;

    DeployPlan(LocalZip zip, String description, Optional<NewFunction> creation, LocalRecords local) {
        this.zip = zip;
        this.description = description;
        this.creation = creation;
        this.local = local;
    }

    @Override
    public boolean strict() {
        return true;
    }

    @Override
    public InAccount in(AccountSession session, Console console) {
        String version = session.function().publishedVersion(zip, description, creation, session.account());
        DistributionStore store = session.distributions();
        return new InAccount() {
            @Override
            public Optional<Association> wanted(SeenDistribution seen, Optional<Association> now) {
                if (now.isEmpty() && (store.tags(seen).containsKey(Records.DISABLED)
                        || local.get(seen.id()).isPresent())) {
                    throw new Refused("switched off by `disable`; `enable` it first, then deploy");
                }
                return Optional.of(new Association(version, false));
            }

            @Override
            public void changed(SeenDistribution after, Optional<Association> before, Optional<Association> now) {
                before.ifPresent(from -> {
                    String value = Records.encode(new Records.LastDeploy(from.arn(), now.orElseThrow().arn()));
                    try {
                        store.tag(after, Records.LAST_DEPLOY, value);
                    } catch (SdkException e) {
                        console.note(after.label() + ": could not record '" + value + "' in tag " + Records.LAST_DEPLOY
                                + " (" + Console.message(e) + "); rollback will not know it");
                    }
                });
            }
        };
    }
}
