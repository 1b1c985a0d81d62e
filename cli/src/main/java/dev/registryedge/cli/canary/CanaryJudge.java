package dev.registryedge.cli.canary;

import dev.registryedge.cli.metrics.FleetMetrics;
import dev.registryedge.cli.metrics.FleetMetrics.DistributionFigures;
import dev.registryedge.cli.metrics.FleetMetrics.FunctionFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the canaries' figures of the bake time with those of the hour before the deploy. A
 * rise above a threshold fails the canary at once, whenever it is seen, once there are at least
 * {@link #MINIMUM} decisions or invocations to judge by; missing figures only count at the end of
 * the bake, since CloudWatch shows data minutes late. The function's own
 * errors are Lambda's for the whole function in the canary's account: where the rest of that
 * account's distributions still run the previous version, their invocations dilute the rate.
 */
public final class CanaryJudge {

    /**
     * The fewest decisions or invocations a share or rate is judged by: below it one unlucky
     * request would decide (1 of 3 is 33 %). Fewer at the end of the bake count as missing.
     */
    public static final int MINIMUM = 20;

    private CanaryJudge() {}

    /**
     * @param atEnd whether the bake time is over: only then do missing figures stop the rollout
     */
    public static Verdict judge(FleetMetrics.Figures before, FleetMetrics.Figures during, List<String> canaries,
            Thresholds thresholds, boolean atEnd) {
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        during.problems().forEach(problem -> missing.add("not read: " + problem));
        for (String id : canaries) {
            DistributionFigures now = distribution(during, id);
            Optional<DistributionFigures> then = Optional.ofNullable(distribution(before, id));
            String label = id + " (" + now.name() + ")";
            double fellBack = share(now.unusableTargets(), now.decisions());
            double fellBackBefore = then.map(t -> share(t.unusableTargets(), t.decisions())).orElse(0.0);
            double serverErrors = now.errorRate5xx().orElse(0.0);
            double serverErrorsBefore = then.flatMap(DistributionFigures::errorRate5xx).orElse(0.0);
            figures.add(label + ": " + count(now.decisions()) + " decisions (hour before: "
                    + count(then.map(DistributionFigures::decisions).orElse(0.0)) + "), fell back " + percent(fellBack)
                    + " (" + percent(fellBackBefore) + "), CloudFront 5xx " + now.errorRate5xx().map(CanaryJudge::percent)
                    .orElse("-") + " (" + percent(serverErrorsBefore) + ")");
            if (now.decisions() < MINIMUM) {
                missing.add(label + ": " + (now.decisions() == 0 ? "no RegistryEdge decisions in any region"
                        : "only " + count(now.decisions()) + " RegistryEdge decisions, fewer than " + MINIMUM
                        + " to judge a share by"));
            } else if (fellBack - fellBackBefore > thresholds.fallback()) {
                failures.add(label + ": " + percent(fellBack) + " of its decisions fell back because a target was"
                        + " unusable, " + percent(fellBackBefore) + " the hour before (allowed: +"
                        + points(thresholds.fallback()) + ")");
            }
            if (now.errorRate5xx().isEmpty()) {
                missing.add(label + ": no CloudFront 5xxErrorRate");
            } else if (serverErrors - serverErrorsBefore > thresholds.serverErrors()) {
                failures.add(label + ": CloudFront 5xx rate " + percent(serverErrors) + ", "
                        + percent(serverErrorsBefore) + " the hour before (allowed: +"
                        + points(thresholds.serverErrors()) + ")");
            }
        }
        for (FunctionFigures now : during.functions()) {
            Optional<FunctionFigures> then = before.functions().stream()
                    .filter(f -> f.account().equals(now.account())).findFirst();
            String label = now.function() + (now.account().isEmpty() ? "" : " in account " + now.account());
            double errors = errorRate(now);
            double errorsBefore = then.map(CanaryJudge::errorRate).orElse(0.0);
            figures.add(label + ": " + count(now.errors()) + " errors in " + count(now.invocations())
                    + " invocations, " + percent(errors) + " (hour before: " + percent(errorsBefore) + " of "
                    + count(then.map(FunctionFigures::invocations).orElse(0.0)) + ")");
            if (now.invocations() < MINIMUM && now.errors() < MINIMUM) {
                missing.add(label + ": " + (now.invocations() == 0 ? "no invocations in any region" : "only "
                        + count(now.invocations()) + " invocations, fewer than " + MINIMUM + " to judge a rate by"));
            } else if (errors - errorsBefore > thresholds.functionErrors()) {
                failures.add(label + ": " + percent(errors) + " of invocations failed, " + percent(errorsBefore)
                        + " the hour before (allowed: +" + points(thresholds.functionErrors()) + ")");
            }
        }
        if (!failures.isEmpty()) {
            return new Verdict(Verdict.Kind.FAILED, failures, figures);
        }
        if (!atEnd) {
            return new Verdict(Verdict.Kind.SO_FAR_HEALTHY, List.of(), figures);
        }
        return missing.isEmpty() ? new Verdict(Verdict.Kind.HEALTHY, List.of(), figures)
                : new Verdict(Verdict.Kind.NOT_JUDGED, missing, figures);
    }

    private static DistributionFigures distribution(FleetMetrics.Figures figures, String id) {
        return figures.distributions().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    /** Errors per 100 invocations; errors with no invocations seen (CloudWatch late on one) count as all failing. */
    private static double errorRate(FunctionFigures function) {
        if (function.invocations() == 0) {
            return function.errors() > 0 ? 100 : 0;
        }
        return 100 * function.errors() / function.invocations();
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : 100 * part / whole;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, "%s points", value == Math.rint(value) ? String.valueOf((long) value)
                : String.valueOf(value));
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
