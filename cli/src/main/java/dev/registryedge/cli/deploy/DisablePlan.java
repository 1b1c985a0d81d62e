package dev.registryedge.cli.deploy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * disable, the emergency switch: removes the association everywhere. What it removes is recorded
 * first, in a tag; where CloudFront will not take the tag, it is still removed, the record is
 * kept in the local records file, and the exact {@code enable} command that restores it is printed.
 */
final class DisablePlan implements Plan {

    private final LocalRecords local;
    /** How to name the fleet file in the printed enable command: empty without one. */
    private final String fleetOption;
    final AtomicInteger removed = new AtomicInteger();

    DisablePlan(LocalRecords local, String fleetOption) {
        this.local = local;
        this.fleetOption = fleetOption;
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

            @Override
            public void changed(SeenDistribution after, Optional<Association> before, Optional<Association> now) {
                removed.incrementAndGet();
            }
        };
    }

    private void record(AccountSession session, Console console, SeenDistribution seen, Association association) {
        String value = Records.encode(association);
        try {
            session.distributions().tag(seen, Records.DISABLED, value);
        } catch (SdkException e) {
            local.put(seen.id(), value);
            console.note(seen.label() + ": could not record '" + value + "' in tag " + Records.DISABLED + " ("
                    + Console.message(e) + "); kept in " + local.file() + ". To restore it: registry-edge enable"
                    + fleetOption + " --function " + session.function().name() + " -d " + seen.id()
                    + " --function-version " + association.version() + " (or `enable` with the same --records,"
                    + " which reads the file)");
        }
    }
}
