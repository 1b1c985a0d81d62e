package dev.registryedge.cli.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registryedge.cli.metrics.FleetMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The thresholds are rises over the hour before, and missing figures only count at the end of the bake. */
class CanaryJudgeTest {

    private static final Thresholds DEFAULTS = new Thresholds(Thresholds.FUNCTION_ERRORS, Thresholds.FALLBACK,
            Thresholds.SERVER_ERRORS);
    private static final List<String> CANARY = List.of("E2PBG0JIU6CTJY");

    /** build03's figures: decisions, of which some fell back; CloudFront's 5xx rate; the function's errors. */
    private static FleetMetrics.Figures figures(double decisions, double fellBack, Double serverErrors,
            double invocations, double errors, String... problems) {
        var distribution = new FleetMetrics.DistributionFigures("E2PBG0JIU6CTJY", "build03", "222222222222", Map.of(),
                decisions, 0, fellBack, Optional.empty(), Optional.empty(), Optional.of(decisions),
                Optional.of(0.0), Optional.ofNullable(serverErrors));
        var function = new FleetMetrics.FunctionFigures("222222222222", "us-east-1.registry-edge", invocations, errors,
                0, Optional.empty(), List.of("us-east-1"));
        return new FleetMetrics.Figures(Instant.EPOCH, Instant.EPOCH, List.of("us-east-1"), List.of(distribution),
                List.of(function), List.of("us-east-1"), List.of(problems));
    }

    private static Verdict judge(FleetMetrics.Figures before, FleetMetrics.Figures during, boolean atEnd) {
        return CanaryJudge.judge(before, during, CANARY, DEFAULTS, atEnd);
    }

    @Test
    void aFallBackShareMoreThanFivePointsAboveTheHourBeforeFails() {
        FleetMetrics.Figures before = figures(1000, 100, 0.0, 1000, 0);
        assertEquals(Verdict.Kind.HEALTHY, judge(before, figures(100, 14, 0.0, 100, 0), true).kind());
        Verdict failed = judge(before, figures(100, 16, 0.0, 100, 0), false);
        assertEquals(Verdict.Kind.FAILED, failed.kind());
        assertEquals(List.of("E2PBG0JIU6CTJY (build03): 16.00% of its decisions fell back because a target was"
                + " unusable, 10.00% the hour before (allowed: +5 points)"), failed.reasons());
    }

    @Test
    void aServerErrorRateMoreThanOnePointAboveTheHourBeforeFails() {
        FleetMetrics.Figures before = figures(1000, 0, 0.5, 1000, 0);
        assertEquals(Verdict.Kind.SO_FAR_HEALTHY, judge(before, figures(100, 0, 1.4, 100, 0), false).kind());
        assertEquals(List.of("E2PBG0JIU6CTJY (build03): CloudFront 5xx rate 1.60%, 0.50% the hour before (allowed:"
                + " +1 points)"), judge(before, figures(100, 0, 1.6, 100, 0), false).reasons());
    }

    @Test
    void functionErrorsAreARateOfInvocationsAndErrorsWithoutInvocationsCountAsAllFailing() {
        FleetMetrics.Figures before = figures(1000, 0, 0.0, 10_000, 10);
        assertEquals(Verdict.Kind.HEALTHY, judge(before, figures(100, 0, 0.0, 1000, 2), true).kind());
        assertEquals(Verdict.Kind.FAILED, judge(before, figures(100, 0, 0.0, 1000, 3), true).kind());
        assertEquals(Verdict.Kind.FAILED, judge(before, figures(100, 0, 0.0, 0, 25), false).kind());
    }

    @Test
    void fewerThanTwentyDecisionsOrInvocationsJudgeNothing() {
        FleetMetrics.Figures before = figures(1000, 0, 0.0, 1000, 0);
        FleetMetrics.Figures few = figures(10, 5, 0.0, 10, 5);
        assertEquals(Verdict.Kind.SO_FAR_HEALTHY, judge(before, few, false).kind());
        assertEquals(List.of("E2PBG0JIU6CTJY (build03): only 10 RegistryEdge decisions, fewer than 20 to judge a share"
                + " by", "us-east-1.registry-edge in account 222222222222: only 10 invocations, fewer than 20 to judge"
                + " a rate by"), judge(before, few, true).reasons());
    }

    @Test
    void missingFiguresWaitForTheEndOfTheBakeAndThenStopIt() {
        FleetMetrics.Figures before = figures(1000, 0, 0.0, 1000, 0);
        FleetMetrics.Figures nothing = figures(0, 0, null, 0, 0);
        assertEquals(Verdict.Kind.SO_FAR_HEALTHY, judge(before, nothing, false).kind());
        Verdict stopped = judge(before, nothing, true);
        assertEquals(Verdict.Kind.NOT_JUDGED, stopped.kind());
        assertEquals(List.of("E2PBG0JIU6CTJY (build03): no RegistryEdge decisions in any region",
                "E2PBG0JIU6CTJY (build03): no CloudFront 5xxErrorRate",
                "us-east-1.registry-edge in account 222222222222: no invocations in any region"), stopped.reasons());
        Verdict unread = judge(before, figures(100, 0, 0.0, 100, 0, "account 222222222222 in eu-west-1: Throttling"),
                true);
        assertEquals(List.of("not read: account 222222222222 in eu-west-1: Throttling"), unread.reasons());
    }
}
