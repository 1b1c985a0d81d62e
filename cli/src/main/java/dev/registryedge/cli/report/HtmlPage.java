package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG charts, no script and nothing
 * fetched, so it opens offline and from an e-mail attachment. Every figure in its tables carries
 * a {@code data-figure} attribute naming its JSON path, so a test can compare page and JSON.
 */
public final class HtmlPage {

    private static final String[] OUTCOMES = {"CLOUDFRONT", "BUCKET", "REPLICA"};
    private static final Map<String, String> COLOURS = Map.of("CLOUDFRONT", "#d95f02", "BUCKET", "#1b9e77",
            "REPLICA", "#7570b3", "baseline", "#999999", "savings", "#1b9e77");
    private static final int WIDTH = 720;

    private HtmlPage() {}

    public static String render(JsonNode report) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>registry-edge savings report</title><style>"
                + "body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#222}"
                + "h1{font-size:1.5em}h2{font-size:1.15em;margin:0 0 8px}"
                + ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,480px),1fr));gap:16px}"
                + "figure.chart{margin:0;padding:12px;border:1px solid #ddd;border-radius:8px}"
                + "svg{width:100%;height:auto;display:block}table{border-collapse:collapse;width:100%;margin:8px 0 16px}"
                + "td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:right}td:first-child,th:first-child"
                + "{text-align:left}.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;"
                + "width:10px;height:10px;margin-right:4px}.big{font-size:1.6em;font-weight:600}"
                + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:12px 0}"
                + ".card{border:1px solid #ddd;border-radius:8px;padding:12px}.note{color:#666;font-size:.9em}"
                + "</style></head><body>\n");
        JsonNode input = report.get("input");
        page.append("<h1>What the edge function saves</h1><p class=\"note\">")
                .append(escape(String.format(Locale.ROOT, "%,d log files, %,d lines, %,d blob GETs, %,d problem%s."
                        + " Replicas: %s. Prices: %s.", input.get("files").asLong(), input.get("lines").asLong(),
                        input.get("blobGets").asLong(), input.get("problems").asLong(),
                        input.get("problems").asLong() == 1 ? "" : "s",
                        report.get("replicas").asText(), report.at("/prices/file").asText())))
                .append("</p>\n<div class=\"cards\">");
        card(page, "All through CloudFront", "usd.allCloudFront", report.at("/usd/allCloudFront"));
        card(page, "With the function", "usd.withFunction", report.at("/usd/withFunction"));
        card(page, "Saved", "usd.savings", report.at("/usd/savings"));
        if (report.has("upperBound")) {
            card(page, "Saved if replicas held every blob", "upperBound.usd.savings",
                    report.at("/upperBound/usd/savings"));
        }
        if (report.has("replicaCosts")) {
            card(page, "Saved by the replicas", "replicaCosts.savedByReplicasUsd",
                    report.at("/replicaCosts/savedByReplicasUsd"));
            card(page, "The replicas' storage for these days", "replicaCosts.storageUsd",
                    report.at("/replicaCosts/storageUsd"));
            card(page, "Net of storage", "replicaCosts.netUsd", report.at("/replicaCosts/netUsd"));
        }
        page.append("</div>\n");
        table(page, report);
        plans(page, report.get("distributions"));

        page.append("<div class=\"grid\">\n");
        List<String> days = names(report.get("days"));
        stacked(page, "bytes-per-day", "Bytes per day, by outcome", days, report.get("days"), "bytes", false);
        stacked(page, "usd-per-day", "Dollars per day, by outcome (grey: all through CloudFront)", days,
                report.get("days"), "usd", true);
        pairs(page, "per-distribution", "Dollars per distribution: all through CloudFront and with the function",
                report.get("distributions"), 20, "name");
        pairs(page, "client-regions", "The client regions that cost most", report.get("clientRegions"), 10, null);
        cumulative(page, days, report.get("days"));
        page.append("</div>\n</body></html>\n");
        return page.toString();
    }

    private static void card(StringBuilder page, String title, String path, JsonNode value) {
        page.append("<div class=\"card\">").append(escape(title)).append("<div class=\"big\" data-figure=\"")
                .append(path).append("\" data-value=\"").append(value.asText()).append("\">")
                .append(escape(ReportText.usd(value))).append("</div></div>");
    }

    private static void table(StringBuilder page, JsonNode report) {
        page.append("<table><thead><tr><th>Outcome (with the function)</th><th>Requests</th><th>Bytes</th>"
                + "<th>USD</th></tr></thead><tbody>");
        for (String outcome : OUTCOMES) {
            JsonNode totals = report.at("/totals/" + outcome);
            page.append("<tr><td><i style=\"display:inline-block;width:10px;height:10px;background:")
                    .append(COLOURS.get(outcome)).append("\"></i> ").append(outcome).append("</td>");
            figureCell(page, "totals." + outcome + ".requests", totals.get("requests"),
                    String.format(Locale.ROOT, "%,d", totals.get("requests").asLong()));
            figureCell(page, "totals." + outcome + ".bytes", totals.get("bytes"),
                    ReportText.bytes(totals.get("bytes").asLong()));
            figureCell(page, "totals." + outcome + ".usd", totals.get("usd"), ReportText.usd(totals.get("usd")));
            page.append("</tr>");
        }
        page.append("</tbody></table>\n");
    }

    /** Per distribution, the four ways to pay for it and the cheapest, when the price table has flat-rate plans. */
    private static void plans(StringBuilder page, JsonNode distributions) {
        List<String> ids = names(distributions);
        if (ids.isEmpty() || !distributions.get(ids.get(0)).has("flatRate")) {
            return;
        }
        page.append("<h2>The cheapest way to serve each distribution</h2><div style=\"overflow-x:auto\"><table>"
                + "<thead><tr><th>Distribution</th>"
                + "<th>Pay-as-you-go</th><th>With the function</th><th>Flat-rate plan</th><th>Plan with the function"
                + "</th><th>Cheapest</th></tr></thead><tbody>");
        for (String id : ids) {
            JsonNode plan = distributions.get(id).get("flatRate");
            page.append("<tr><td>").append(escape(distributions.get(id).get("name").asText() + " (" + id + ")"))
                    .append("</td>");
            for (String option : new String[] {"payAsYouGoAllCloudFront", "payAsYouGoWithFunction",
                "planAllCloudFront", "planWithFunction"}) {
                JsonNode value = plan.at("/usd/" + option);
                figureCell(page, "distributions." + id + ".flatRate.usd." + option, value,
                        value.isNull() ? "none covers it" : ReportText.usd(value));
            }
            page.append("<td>").append(escape(plan.get("cheapest").asText())).append("</td></tr>");
        }
        page.append("</tbody></table></div><p class=\"note\">A plan covers one distribution's CloudFront requests and"
                + " bytes for a monthly price; with the function, S3 and Lambda@Edge are paid besides. Whether AWS"
                + " allows Lambda@Edge on a plan: ")
                .append(escape(distributions.get(ids.get(0)).at("/flatRate/functionOnAPlan").asText()))
                .append(".</p>\n");
    }

    private static void figureCell(StringBuilder page, String path, JsonNode value, String shown) {
        page.append("<td data-figure=\"").append(path).append("\" data-value=\"").append(value.asText()).append("\">")
                .append(escape(shown)).append("</td>");
    }

    /** Stacked bars per day; with {@code baseline}, a grey bar behind for all through CloudFront. */
    private static void stacked(StringBuilder page, String id, String title, List<String> days, JsonNode byDay,
            String field, boolean baseline) {
        double max = 1e-12;
        for (String day : days) {
            double sum = 0;
            for (String outcome : OUTCOMES) {
                sum += path(byDay, day, "totals", outcome, field).asDouble();
            }
            max = Math.max(max, Math.max(sum, baseline ? path(byDay, day, "usd", "allCloudFront").asDouble() : 0));
        }
        int height = 300;
        int left = 90;
        double slot = (WIDTH - left - 10.0) / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder();
        axis(svg, left, height, max, field.equals("usd"));
        for (int i = 0; i < days.size(); i++) {
            String day = days.get(i);
            double x = left + i * slot + slot * 0.15;
            double w = slot * 0.7;
            if (baseline) {
                double b = path(byDay, day, "usd", "allCloudFront").asDouble();
                bar(svg, x - slot * 0.1, w + slot * 0.2, height - 30, b / max * (height - 50), COLOURS.get("baseline"),
                        day + " all through CloudFront: " + ReportText.usd(path(byDay, day, "usd", "allCloudFront")));
            }
            double y = height - 30;
            for (String outcome : OUTCOMES) {
                JsonNode value = path(byDay, day, "totals", outcome, field);
                double h = value.asDouble() / max * (height - 50);
                bar(svg, x, w, y, h, COLOURS.get(outcome), day + " " + outcome + ": " + (field.equals("usd")
                        ? ReportText.usd(value) : ReportText.bytes(value.asLong())));
                y -= h;
            }
            if (days.size() <= 8 || i % (days.size() / 6 + 1) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"15\" text-anchor=\"middle\">%s"
                        + "</text>", x + w / 2, height - 8, escape(day.substring(5))));
            }
        }
        chart(page, id, title, WIDTH, height, svg, true);
    }

    /** Two bars per entry, largest first: all through CloudFront, and with the function. */
    private static void pairs(StringBuilder page, String id, String title, JsonNode entries, int limit, String label) {
        List<String> names = names(entries);
        names.sort((a, b) -> Double.compare(path(entries, b, "usd", "allCloudFront").asDouble(),
                path(entries, a, "usd", "allCloudFront").asDouble()));
        names = names.subList(0, Math.min(limit, names.size()));
        double max = 1e-12;
        for (String name : names) {
            max = Math.max(max, Math.max(path(entries, name, "usd", "allCloudFront").asDouble(),
                    path(entries, name, "usd", "withFunction").asDouble()));
        }
        int row = 48;
        int left = 230;
        int height = Math.max(1, names.size()) * row + 10;
        StringBuilder svg = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            JsonNode node = entries.get(name);
            String text = label == null ? name : node.get(label).asText() + " (" + name + ")";
            double y = 5 + i * row;
            // Short enough to fit left of the bars at 14 px; the whole label is the tooltip.
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"14\" text-anchor=\"end\">"
                    + "<title>%s</title>%s</text>", left - 8, y + 24, escape(text),
                    escape(text.length() > 22 ? text.substring(0, 21) + "…" : text)));
            JsonNode all = node.at("/usd/allCloudFront");
            JsonNode with = node.at("/usd/withFunction");
            double span = WIDTH - left - 170.0;
            hbar(svg, left, y + 4, all.asDouble() / max * span, 18, COLOURS.get("baseline"),
                    text + " all through CloudFront: " + ReportText.usd(all));
            hbar(svg, left, y + 23, with.asDouble() / max * span, 18, COLOURS.get("BUCKET"),
                    text + " with the function: " + ReportText.usd(with));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"15\">%s → %s</text>",
                    left + Math.max(all.asDouble(), with.asDouble()) / max * span + 6, y + 28,
                    escape(ReportText.usd(all)), escape(ReportText.usd(with))));
        }
        chart(page, id, title, WIDTH, height, svg, false);
    }

    private static void cumulative(StringBuilder page, List<String> days, JsonNode byDay) {
        List<Double> running = new ArrayList<>();
        double total = 0;
        for (String day : days) {
            total += path(byDay, day, "usd", "savings").asDouble();
            running.add(total);
        }
        double max = 1e-12;
        double min = 0;
        for (double value : running) {
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        int height = 280;
        int left = 90;
        double span = max - min;
        StringBuilder svg = new StringBuilder();
        axis(svg, left, height, max, true);
        StringBuilder points = new StringBuilder();
        double step = (WIDTH - left - 20.0) / Math.max(1, days.size() - 1);
        for (int i = 0; i < running.size(); i++) {
            double x = left + (days.size() == 1 ? (WIDTH - left) / 2.0 : i * step);
            double y = height - 30 - (running.get(i) - min) / span * (height - 50);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s"
                    + "</title></circle>", x, y, COLOURS.get("savings"), escape(days.get(i)),
                    escape(String.format(Locale.ROOT, "$%,.2f", running.get(i)))));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(COLOURS.get("savings"))
                .append("\" stroke-width=\"3\" points=\"").append(points.toString().trim()).append("\"/>");
        chart(page, "cumulative-savings", "Cumulative savings", WIDTH, height, svg, false);
    }

    private static void axis(StringBuilder svg, int left, int height, double max, boolean dollars) {
        for (int i = 0; i <= 4; i++) {
            double y = height - 30 - i * (height - 50) / 4.0;
            double value = max * i / 4;
            String label = !dollars ? ReportText.bytes((long) value)
                    : String.format(Locale.ROOT, max < 10 ? "$%,.2f" : "$%,.0f", value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"15\" text-anchor=\"end\">%s</text>", left, WIDTH - 5, y, y,
                    left - 6, y + 5, escape(label)));
        }
    }

    private static void bar(StringBuilder svg, double x, double w, double bottom, double h, String colour, String title) {
        if (h <= 0) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s</title></rect>", x, bottom - h, w, h, colour, escape(title)));
    }

    private static void hbar(StringBuilder svg, double x, double y, double w, double h, String colour, String title) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s</title></rect>", x, y, Math.max(w, 0.5), h, colour, escape(title)));
    }

    private static void chart(StringBuilder page, String id, String title, int width, int height, StringBuilder svg,
            boolean legend) {
        page.append("<figure class=\"chart\" data-chart=\"").append(id).append("\"><h2>").append(escape(title))
                .append("</h2>");
        if (legend) {
            page.append("<div class=\"legend\">");
            for (String outcome : OUTCOMES) {
                page.append("<span><i style=\"background:").append(COLOURS.get(outcome)).append("\"></i>")
                        .append(outcome).append("</span>");
            }
            page.append("</div>");
        }
        page.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width,
                height, escape(title))).append(svg).append("</svg></figure>\n");
    }

    /** A member by member, never through a JSON Pointer: names (a distribution id, a day) may hold '/' or '~'. */
    private static JsonNode path(JsonNode node, String... names) {
        JsonNode at = node;
        for (String name : names) {
            at = at.path(name);
        }
        return at;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
