package dev.registryedge.handler.core;

/** The one structured log line written per decision. Holds no credentials and no URL. */
public final class DecisionRecord {

    private DecisionRecord() {}

    public static String toJson(Decision decision, ViewerRequest request, long totalMillis) {
        StringBuilder json = new StringBuilder(256).append("{\"distribution\":");
        JsonText.appendString(json, decision.distribution()).append(",\"clientIp\":");
        JsonText.appendString(json, request == null ? null : request.clientIp()).append(",\"clientRegion\":");
        JsonText.appendString(json, decision.clientRegion()).append(",\"outcome\":");
        JsonText.appendString(json, decision.outcome().name()).append(",\"target\":");
        JsonText.appendString(json, decision.target() == null ? null : decision.target().name()).append(",\"bucket\":");
        JsonText.appendString(json, decision.target() == null ? null : decision.target().bucket()).append(",\"reason\":");
        JsonText.appendString(json, decision.reason());
        return json.append(",\"s3Millis\":").append(decision.s3Millis())
                .append(",\"totalMillis\":").append(totalMillis).append('}').toString();
    }
}
