package dev.registryedge.cli.deploy;

import java.util.Optional;

/**
 * rollback: puts back the version the last deploy replaced, where the version that deploy
 * installed is still associated; where the replaced one is associated already, nothing changes
 * (so running it twice is safe, and deploy goes forward again).
 */
final class RollbackPlan implements Plan {

    @Override
    public boolean strict() {
        return true;
    }

    @Override
    public InAccount in(AccountSession session, Console console) {
        DistributionStore store = session.distributions();
        return (seen, now) -> {
            if (now.isEmpty()) {
                throw new Refused("the function is disabled here; `enable` it first");
            }
            String recorded = store.tags(seen).get(Records.LAST_DEPLOY);
            if (recorded == null) {
                throw new Refused("no deploy recorded (tag " + Records.LAST_DEPLOY + "); deploy records the version it"
                        + " replaces");
            }
            Records.LastDeploy last = Records.lastDeploy("tag " + Records.LAST_DEPLOY, recorded);
            if (now.get().arn().equals(last.from())) {
                return now;
            }
            if (!now.get().arn().equals(last.to())) {
                throw new Refused(now.get().shortName() + " is associated, not " + FunctionArns.shortName(last.to())
                        + " that the last deploy installed: nothing to roll back");
            }
            return Optional.of(new Association(last.from(), now.get().includeBody()));
        };
    }
}
