package dev.registryedge.cli.deploy;

import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * disable, the emergency switch: removes the association everywhere. What it removes is recorded
 * first, in a tag; where CloudFront will not take the tag, it is still removed, the record is
 * kept in the local records file, and the exact {@code enable} command that restores it is
 * printed (even when the file cannot be written either).
 */
final class DisablePlan implements Plan {

    private final LocalRecords local;
    /** How to name the fleet file in the printed enable command: empty without one. */
    private final String fleetOption;
    private final Clock clock;

    DisablePlan(LocalRecords local, String fleetOption, Clock clock) {
        this.local = local;
        this.fleetOption = fleetOption;
        this.clock = clock;
    }

    @Override
    public boolean strict() {
        return false;
    }

    @Override
    public InAccount in(AccountSession session, Console console) {
        return new InAccount() {
            @Override
            public Optional<Association> wanted(SeenDistribution seen, Optional<Association> now) {
                return Optional.empty();
            }

            @Override
            public void beforeChange(SeenDistribution seen, Optional<Association> now) {
                now.ifPresent(association -> record(session, console, seen, association));
            }
        };
    }

    private void record(AccountSession session, Console console, SeenDistribution seen, Association association) {
        String value = Records.encode(new Records.Disabled(association, clock.instant()));
        try {
            session.distributions().tag(seen, Records.DISABLED, value);
            return;
        } catch (SdkException e) {
            console.note(seen.label() + ": could not record '" + value + "' in tag " + Records.DISABLED + " ("
                    + Console.message(e) + ")");
        }
        String kept;
        try {
            local.put(seen.id(), value);
            kept = "kept in " + local.file() + " (`enable` with the same --records reads it)";
        } catch (RuntimeException e) {
            // Still an emergency: the command below is the way back.
            kept = "nor in " + local.file() + " (" + Console.message(e) + "): keep this line";
        }
        console.note(seen.label() + ": " + kept + ". To restore it: registry-edge enable" + fleetOption + " -d "
                + seen.id() + " --function-arn " + association.arn() + (association.includeBody() ? " --include-body"
                : ""));
    }
}
