package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.MetricsDetail;

/**
 * The one structured log line written per decision, which is also, unless the configuration's
 * {@code metrics} is off, a CloudWatch Embedded Metric Format document: an {@code _aws} member
 * directs CloudWatch to take, in namespace {@value #NAMESPACE}, per {@code Distribution} (the
 * configured name, {@value #OTHER} for any id the configuration lacks) and, at the default
 * level, {@code Outcome}: {@code Decisions} (1), {@code Redirects} (1 for a 307, else 0),
 * {@code UnusableTargets}, {@code ExistenceChecks}, {@code CacheHits}, and, when S3 was asked,
 * {@code S3CheckMillis}. Dimension values come only from the compiled configuration and the
 * outcome, never from what a client sent, so no request can create a metric. Holds no credentials and no URL; what the
 * request supplied is clipped to {@link LogText#MAX_CHARS}. {@code requestId} is CloudFront's id
 * of the request, the same as the logs' {@code x-edge-request-id}, so the savings report can
 * match its 307s with the decisions that made them. {@code distributionId} is the id the request
 * came with; {@code distribution} the configured name (null for an id the configuration lacks). {@code unusable} (the targets
 * skipped after a failure) appears only when there were any.
 */
public final class DecisionRecord {

    /** Where the metrics are. */
    public static final String NAMESPACE = "RegistryEdge";
    /** The Distribution dimension's value for every id the configuration lacks. */
    public static final String OTHER = "other";

    private static final String COUNTS = "{\"Name\":\"Decisions\",\"Unit\":\"Count\"},{\"Name\":\"Redirects\",\"Unit\":"
            + "\"Count\"},{\"Name\":\"UnusableTargets\",\"Unit\":\"Count\"},{\"Name\":\"ExistenceChecks\",\"Unit\":"
            + "\"Count\"},{\"Name\":\"CacheHits\",\"Unit\":\"Count\"}";
    private static final String LATENCY = ",{\"Name\":\"S3CheckMillis\",\"Unit\":\"Milliseconds\"}";
    private static final String BY_OUTCOME = "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
            + "\",\"Dimensions\":[[\"Distribution\",\"Outcome\"]],\"Metrics\":[" + COUNTS;
    private static final String BY_DISTRIBUTION = "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
            + "\",\"Dimensions\":[[\"Distribution\"]],\"Metrics\":[" + COUNTS;
    private static final String TIMESTAMP = "]}],\"Timestamp\":";
    // The four directives a line can have, whole: constants the Node build hands to Node as they are.
    private static final String OUTCOME_CHECKED = BY_OUTCOME + LATENCY + TIMESTAMP;
    private static final String OUTCOME_UNCHECKED = BY_OUTCOME + TIMESTAMP;
    private static final String DISTRIBUTION_CHECKED = BY_DISTRIBUTION + LATENCY + TIMESTAMP;
    private static final String DISTRIBUTION_UNCHECKED = BY_DISTRIBUTION + TIMESTAMP;

    private DecisionRecord() {}

    /** The whole line: {@link #directive} followed by {@link #rest}. */
    public static String toJson(Decision decision, ViewerRequest request, long totalMillis, long nowMillis,
            MetricsDetail metrics) {
        return directive(decision, metrics) + rest(decision, request, totalMillis, nowMillis, metrics);
    }

    /**
     * The start of the line that is the same for many decisions: the metric directive (up to its
     * {@code Timestamp}'s value), or the empty string when metrics are off.
     */
    public static String directive(Decision decision, MetricsDetail metrics) {
        boolean askedS3 = decision.existenceChecks() > decision.cacheHits();
        return switch (metrics) {
            case OFF -> "";
            case OUTCOME -> askedS3 ? OUTCOME_CHECKED : OUTCOME_UNCHECKED;
            case DISTRIBUTION -> askedS3 ? DISTRIBUTION_CHECKED : DISTRIBUTION_UNCHECKED;
        };
    }

    /**
     * The rest of the line, after {@link #directive}.
     *
     * @param nowMillis the time the metrics are for, in milliseconds since the epoch
     * @param metrics how much of the line is metrics
     */
    public static String rest(Decision decision, ViewerRequest request, long totalMillis, long nowMillis,
            MetricsDetail metrics) {
        StringBuilder json = new StringBuilder(384);
        if (metrics != MetricsDetail.OFF) {
            appendMetrics(json, decision, nowMillis, metrics);
        } else {
            json.append('{');
        }
        json.append("\"distributionId\":");
        JsonText.appendString(json, request == null ? null : LogText.clip(request.distributionId()))
                .append(",\"distribution\":");
        JsonText.appendString(json, decision.distribution()).append(",\"requestId\":");
        JsonText.appendString(json, request == null ? null : LogText.clip(request.requestId())).append(",\"clientIp\":");
        JsonText.appendString(json, request == null ? null : LogText.clip(request.clientIp())).append(",\"clientRegion\":");
        JsonText.appendString(json, decision.clientRegion()).append(",\"outcome\":");
        JsonText.appendString(json, decision.outcome().name()).append(",\"target\":");
        JsonText.appendString(json, decision.target() == null ? null : decision.target().name()).append(",\"bucket\":");
        JsonText.appendString(json, decision.target() == null ? null : decision.target().bucket()).append(",\"reason\":");
        JsonText.appendString(json, decision.reason());
        if (!decision.unusable().isEmpty()) {
            json.append(",\"unusable\":[");
            for (int i = 0; i < decision.unusable().size(); i++) {
                JsonText.appendString(i == 0 ? json : json.append(','), decision.unusable().get(i));
            }
            json.append(']');
        }
        return json.append(",\"s3Millis\":").append(decision.s3Millis())
                .append(",\"totalMillis\":").append(totalMillis).append('}').toString();
    }

    private static void appendMetrics(StringBuilder json, Decision decision, long nowMillis, MetricsDetail metrics) {
        boolean askedS3 = decision.existenceChecks() > decision.cacheHits();
        json.append(nowMillis).append("},\"Distribution\":");
        // Configured names are checked by the plugin: 1-63 lower-case ASCII letters, digits and . _ -.
        JsonText.appendString(json, decision.distribution() == null ? OTHER : decision.distribution());
        if (metrics == MetricsDetail.OUTCOME) {
            json.append(",\"Outcome\":\"").append(decision.outcome().name()).append('"');
        }
        json.append(",\"Decisions\":1,\"Redirects\":").append(decision.outcome().redirects() ? 1 : 0)
                .append(",\"UnusableTargets\":").append(decision.unusable().size())
                .append(",\"ExistenceChecks\":").append(decision.existenceChecks())
                .append(",\"CacheHits\":").append(decision.cacheHits());
        if (askedS3) {
            json.append(",\"S3CheckMillis\":").append(decision.s3Millis());
        }
        json.append(',');
    }
}
