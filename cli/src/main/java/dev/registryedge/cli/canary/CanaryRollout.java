package dev.registryedge.cli.canary;

import dev.registryedge.cli.deploy.FleetRunner;
import dev.registryedge.cli.metrics.FleetMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * deploy --canary: reads the canaries' figures of the hour before, deploys to the canaries and
 * waits until CloudFront has deployed them, then reads their figures every {@code checkEvery}
 * for the bake time. A threshold crossed rolls the canaries back at once; figures missing at the
 * end stop the rollout with the canaries left as they are; otherwise the rest of the fleet
 * follows. The rest is never touched unless the canaries stayed healthy for the whole bake, and
 * nothing is deployed when the hour before cannot be read.
 */
public final class CanaryRollout {

    /** How a rollout ended. */
    public enum Ending {
        /** Healthy canaries; the rest deployed (its outcome says how that went). */
        FOLLOWED,
        /** The canaries could not all be deployed: nothing else was done. */
        CANARY_NOT_DEPLOYED,
        /** A threshold crossed: what this run changed on the canaries was rolled back, the rest untouched. */
        ROLLED_BACK,
        /** A threshold crossed and the rollback failed somewhere (its outcome says where). */
        ROLLBACK_INCOMPLETE,
        /**
         * Figures missing: for the hour before (nothing deployed) or for the bake (the canaries
         * left on the new version); the rest untouched.
         */
        NOT_JUDGED
    }

    /** How it ended, and the outcome of the last fleet change made. */
    public record Result(Ending ending, FleetRunner.Outcome outcome) {}

    /** The fleet changes a rollout makes, on the distributions given. */
    public record Steps(Function<List<String>, FleetRunner.Outcome> deploy,
            Function<List<String>, FleetRunner.Outcome> rollback) {}

    private static final Duration BASELINE = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final FleetMetrics metrics;
    private final Thresholds thresholds;
    private final Duration bake;
    private final Duration checkEvery;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public CanaryRollout(FleetMetrics metrics, Thresholds thresholds, Duration bake, Duration checkEvery, Clock clock,
            PrintStream out, PrintStream err) {
        this.metrics = metrics;
        this.thresholds = thresholds;
        this.bake = bake;
        this.checkEvery = checkEvery;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public Result run(Steps steps, List<String> canaries, List<String> rest) throws InterruptedException {
        String named = String.join(", ", canaries);
        Instant started = clock.instant();
        FleetMetrics.Figures before = metrics.read(started.minus(BASELINE), started, canaries);
        if (!before.problems().isEmpty()) {
            // Without the hour before, an ordinary error rate would look like a rise.
            before.problems().forEach(problem -> err.println("registry-edge: canary: the hour before not read: "
                    + problem));
            err.println("registry-edge: canary: stopped before deploying anything: the canaries cannot be judged"
                    + " without the hour before; run again");
            return new Result(Ending.NOT_JUDGED, new FleetRunner.Outcome(false, 0, List.of(), true));
        }
        err.println("registry-edge: canary: deploying to " + named + " first");
        FleetRunner.Outcome canary = steps.deploy().apply(canaries);
        if (!canary.actedOn() || canary.failed() > 0 || !canary.deployed()) {
            err.println("registry-edge: canary: not deployed to every canary (see above); the rest of the fleet is"
                    + " untouched");
            return new Result(Ending.CANARY_NOT_DEPLOYED, canary);
        }
        Instant deployed = clock.instant();
        Instant end = deployed.plus(bake);
        err.println("registry-edge: canary: baking " + named + " until " + TIME.format(end) + " UTC ("
                + human(bake) + "), reading the metrics every " + human(checkEvery));
        Verdict verdict;
        while (true) {
            Duration left = Duration.between(clock.instant(), end);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(Math.max(1, Math.min(left.toMillis(), checkEvery.toMillis())));
            }
            Instant now = clock.instant();
            boolean atEnd = !now.isBefore(end);
            verdict = CanaryJudge.judge(before, metrics.read(deployed, now, canaries), canaries, thresholds, atEnd);
            if (verdict.kind() != Verdict.Kind.SO_FAR_HEALTHY) {
                break;
            }
        }
        verdict.figures().forEach(line -> out.println("canary " + line));
        switch (verdict.kind()) {
            case FAILED -> {
                verdict.reasons().forEach(reason -> err.println("registry-edge: canary failed: " + reason));
                // Only what this run changed: a canary that already ran this version keeps it, so
                // a rollback never reaches past this deploy to an older one.
                List<String> changed = canaries.stream().filter(canary.changed()::contains).toList();
                if (changed.isEmpty()) {
                    err.println("registry-edge: canary: not rolled back: the canaries ran this version before this"
                            + " run; the rest of the fleet is untouched");
                    return new Result(Ending.ROLLED_BACK, canary);
                }
                err.println("registry-edge: canary: rolling back " + String.join(", ", changed) + "; the rest of the"
                        + " fleet is untouched");
                FleetRunner.Outcome rollback = steps.rollback().apply(changed);
                if (rollback.failed() > 0 || !rollback.actedOn()) {
                    err.println("registry-edge: canary: the rollback did not complete (see above): undo it by hand"
                            + " (`disable -d ID` stops the function there at once)");
                    return new Result(Ending.ROLLBACK_INCOMPLETE, rollback);
                }
                return new Result(Ending.ROLLED_BACK, rollback);
            }
            case NOT_JUDGED -> {
                verdict.reasons().forEach(reason -> err.println("registry-edge: canary: missing: " + reason));
                err.println("registry-edge: canary: stopped, the figures to judge " + named + " by are missing (see"
                        + " docs/metrics.md); the canaries keep the new version, the rest of the fleet is untouched."
                        + " Go on with `deploy` without --canary, or undo with `rollback" + canaries.stream()
                        .map(id -> " -d " + id).reduce("", String::concat) + "`");
                return new Result(Ending.NOT_JUDGED, canary);
            }
            default -> {
                if (rest.isEmpty()) {
                    err.println("registry-edge: canary: healthy; no other distribution to deploy to");
                    return new Result(Ending.FOLLOWED, canary);
                }
                err.println("registry-edge: canary: healthy for " + human(bake) + "; deploying to the rest: "
                        + String.join(", ", rest));
                return new Result(Ending.FOLLOWED, steps.deploy().apply(rest));
            }
        }
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
