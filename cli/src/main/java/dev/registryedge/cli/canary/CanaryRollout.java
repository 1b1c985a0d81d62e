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
 * follows. The rest is never touched unless the canaries stayed healthy for the whole bake.
 */
public final class CanaryRollout {

    /** How a rollout ended. */
    public enum Ending {
        /** Healthy canaries; the rest deployed (its outcome says how that went). */
        FOLLOWED,
        /** The canaries could not all be deployed: nothing else was done. */
        CANARY_NOT_DEPLOYED,
        /** A threshold crossed: the canaries were rolled back (the outcome is the rollback's). */
        ROLLED_BACK,
        /** Figures missing for the bake: canaries left on the new version, the rest untouched. */
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
        before.problems().forEach(problem -> err.println("registry-edge: canary: the hour before not read: " + problem
                + "; its figures count as zero"));
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
                err.println("registry-edge: canary: rolling back " + named + "; the rest of the fleet is untouched");
                return new Result(Ending.ROLLED_BACK, steps.rollback().apply(canaries));
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
