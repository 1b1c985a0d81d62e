package dev.registryedge.handler.core;

/**
 * The one structured log line written per decision. Holds no credentials and no URL; what the
 * request supplied is clipped to {@link LogText#MAX_CHARS}. {@code requestId} is CloudFront's id
 * of the request, the same as the logs' {@code x-edge-request-id}, so the savings report can
 * match its 307s with the decisions that made them. {@code distributionId} is the id the request
 * came with; {@code distribution} the configured name (null for an id the configuration lacks). {@code unusable} (the targets
 * skipped after a failure) appears only when there were any.
 */
public final class DecisionRecord {

    private DecisionRecord() {}

    public static String toJson(Decision decision, ViewerRequest request, long totalMillis) {
        StringBuilder json = new StringBuilder(256).append("{\"distributionId\":");
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
}
