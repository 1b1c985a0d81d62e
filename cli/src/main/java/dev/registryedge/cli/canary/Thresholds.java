package dev.registryedge.cli.canary;

/**
 * How far a canary's figures may rise above the hour before, in percentage points, before it is
 * rolled back.
 *
 * @param functionErrors the function's errors per 100 invocations, in each canary's account
 * @param fallback each canary's decisions per 100 that fell back because a target was unusable
 * @param serverErrors each canary's CloudFront 5xx error rate
 */
public record Thresholds(double functionErrors, double fallback, double serverErrors) {

    public static final double FUNCTION_ERRORS = 0.1;
    public static final double FALLBACK = 5;
    public static final double SERVER_ERRORS = 1;
}
