package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The terminal summary, drawn from the report's JSON. */
public final class ReportText {

    /** Past this age the summary warns that the price table may be out of date. */
    static final int STALE_AFTER_DAYS = 90;

    private ReportText() {}

    public static String summary(JsonNode report) {
        StringBuilder out = new StringBuilder();
        JsonNode input = report.get("input");
        out.append(String.format(Locale.ROOT, "registry-edge report: %,d files, %,d lines, %,d blob GETs (%,d other"
                + " requests), %,d problem%s%n", input.get("files").asLong(), input.get("lines").asLong(),
                input.get("blobGets").asLong(), input.get("otherRequests").asLong(), input.get("problems").asLong(),
                input.get("problems").asLong() == 1 ? "" : "s"));
        input.path("problemExamples").forEach(example -> out.append("  ").append(example.asText()).append('\n'));
        long unknownOrigin = input.path("redirectsOfUnknownOrigin").asLong();
        if (unknownOrigin > 0) {
            out.append(String.format(Locale.ROOT, "  %,d 307%s without a result type that no decision log line claims:"
                    + " counted apart, not as the function's (give --decisions, or log x-edge-result-type)%n",
                    unknownOrigin, unknownOrigin == 1 ? "" : "s"));
        }
        input.path("unknownEdgeLocations").fields().forEachRemaining(edge -> out.append(String.format(Locale.ROOT,
                "  edge location %s is not in the price table: %,d requests, %s priced in its default region%n",
                edge.getKey(), edge.getValue().get("requests").asLong(), bytes(edge.getValue().get("bytes").asLong()))));
        JsonNode prices = report.get("prices");
        JsonNode commitment = prices.get("cloudFrontCommitment");
        JsonNode billing = report.get("billing");
        out.append(String.format(Locale.ROOT, "prices: %s (CloudFront commitment: %s%% off, at least %s a month)%n",
                prices.get("file").asText(),
                commitment.get("discount").decimalValue().movePointRight(2).stripTrailingZeros().toPlainString(),
                usd(commitment.get("monthlyMinimumUsd"))));
        JsonNode asOf = prices.path("asOf");
        long age = asOf.isTextual() ? java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(asOf.asText()),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC)) : -1;
        if (age > STALE_AFTER_DAYS || age < 0) {
            out.append(String.format(Locale.ROOT, "warning: the price table %s; refresh it with `registry-edge"
                    + " prices`, then rebuild (the jar carries data/prices.json) or pass --prices data/prices.json%n",
                    age < 0 ? "does not say when it was refreshed (asOf)"
                    : "was refreshed " + age + " days ago (" + asOf.asText() + ")"));
        }
        out.append(String.format(Locale.ROOT, "billed by calendar month as AWS bills: %s (free tier %s); the figures"
                + " are what the blob GETs add to that bill%n%n", billing.get("basis").asText(),
                billing.get("freeTier").asText()));
        out.append(String.format(Locale.ROOT, "%-36s %12s %12s %14s%n", "", "requests", "bytes", "USD"));
        out.append(String.format(Locale.ROOT, "%-36s %12s %12s %14s%n", "all through CloudFront", "", "",
                usd(report.at("/usd/allCloudFront"))));
        scenario(out, "with the function, replicas " + report.get("replicas").asText(), report);
        if (report.has("upperBound")) {
            scenario(out, "with the function, replicas all", report.get("upperBound"));
        }
        scenario(out, "actual (the function's 307s in the logs)", report.get("actual"));
        JsonNode unattributed = report.at("/actual/unattributedRedirects");
        if (unattributed.get("requests").asLong() > 0) {
            out.append(String.format(Locale.ROOT, "  %,d of the logged 307s could not have come from this build's map"
                    + " and configuration (no route of theirs leads to a 307 for those requests)%n",
                    unattributed.get("requests").asLong()));
        }
        JsonNode ambiguous = report.at("/actual/ambiguousRedirects");
        if (ambiguous.path("requests").asLong() > 0) {
            out.append(String.format(Locale.ROOT, "  %,d of the logged 307s could have come from more than one route,"
                    + " counted apart and priced as the last (the sure one):%n", ambiguous.get("requests").asLong()));
            ambiguous.get("routes").fields().forEachRemaining(route -> out.append(String.format(Locale.ROOT,
                    "    %s: %,d%n", route.getKey(), route.getValue().asLong())));
        }
        JsonNode replicas = report.get("replicaCosts");
        if (replicas != null) {
            long objects = 0;
            long bytes = 0;
            for (JsonNode bucket : replicas.get("buckets")) {
                objects += bucket.get("objects").asLong();
                bytes += bucket.get("bytes").asLong();
            }
            out.append(String.format(Locale.ROOT, "%nthe replicas (from the inventory) hold %,d objects, %s%s: they"
                    + " save %s over these %d days; storing them costs %s a month (%s for these days): net of storage %s;"
                    + " copying in what they hold cost %s once%n", objects, bytes(bytes),
                    replicas.get("sizesKnown").asBoolean() ? ""
                            : " (the inventory gives no sizes: storage and transfer are counted only for what it sizes)",
                    usd(replicas.get("savedByReplicasUsd")), replicas.get("periodDays").asInt(),
                    usd(replicas.get("storageUsdPerMonth")), usd(replicas.get("storageUsd")),
                    usd(replicas.get("netUsd")), usd(replicas.get("replicationUsd"))));
        }
        JsonNode distributions = report.get("distributions");
        if (distributions.elements().hasNext() && distributions.elements().next().has("flatRate")) {
            out.append(String.format(Locale.ROOT, "%nthe cheapest way to serve each distribution over these months"
                    + " (a flat-rate plan covers one distribution's CloudFront requests and bytes):%n"));
            distributions.fields().forEachRemaining(entry -> {
                JsonNode plan = entry.getValue().get("flatRate");
                JsonNode usd = plan.get("usd");
                out.append(String.format(Locale.ROOT, "  %s (%s): %s%n    pay-as-you-go %s, with the function %s;"
                        + " plan %s, with the function %s%n", entry.getKey(), entry.getValue().get("name").asText(),
                        plan.get("cheapest").asText(), usd(usd.get("payAsYouGoAllCloudFront")),
                        usd(usd.get("payAsYouGoWithFunction")), usdOrNone(usd.get("planAllCloudFront")),
                        usdOrNone(usd.get("planWithFunction"))));
            });
        }
        return out.toString();
    }

    private static void scenario(StringBuilder out, String title, JsonNode node) {
        out.append(title).append(":\n");
        long unknown = 0;
        for (String outcome : new String[] {"CLOUDFRONT", "BUCKET", "REPLICA"}) {
            JsonNode totals = node.at("/totals/" + outcome);
            unknown += totals.get("unknownBytesRequests").asLong();
            out.append(String.format(Locale.ROOT, "  %-34s %,12d %12s %14s%n", outcome, totals.get("requests").asLong(),
                    bytes(totals.get("bytes").asLong()), usd(totals.get("usd"))));
        }
        JsonNode other = node.get("functionOnOtherRequests");
        if (other.get("requests").asLong() > 0) {
            out.append(String.format(Locale.ROOT, "  %-34s %,12d %12s %14s%n", "function on HEADs and errors",
                    other.get("requests").asLong(), "", usd(other.get("usd"))));
        }
        JsonNode usd = node.get("usd");
        double baseline = usd.get("allCloudFront").asDouble();
        double savings = usd.get("savings").asDouble();
        out.append(String.format(Locale.ROOT, "  %-34s %12s %12s %14s   saves %s (%.1f%%)%n", "total", "", "",
                usd(usd.get("withFunction")), usd(usd.get("savings")), baseline == 0 ? 0 : savings * 100 / baseline));
        if (unknown > 0) {
            out.append(String.format(Locale.ROOT, "  (%,d redirected requests of unknown size: no log line gave their"
                    + " blob's size; their transfer is not counted)%n", unknown));
        }
    }

    private static String usdOrNone(JsonNode value) {
        return value.isNull() ? "none covers it" : usd(value);
    }

    /** Dollars as the summary and the page show them: {@code $1,234.56}. */
    public static String usd(JsonNode value) {
        return String.format(Locale.ROOT, "$%,.2f", value.asDouble());
    }

    /** Bytes as the summary and the page show them: {@code 1.50 GiB}. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
    }
}
