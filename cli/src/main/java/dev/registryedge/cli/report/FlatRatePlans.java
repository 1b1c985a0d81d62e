package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudFront's flat-rate plans against pay-as-you-go, for one distribution: per month, the
 * cheapest plan and usage level whose allowance covers the distribution's CloudFront requests and
 * bytes, all through CloudFront and with the function (its 307s are CloudFront requests; the
 * bytes it sends to S3 are not CloudFront's), and which of the four ways costs least over the
 * report's months. A plan replaces CloudFront's charges only: with the function, S3 and
 * Lambda@Edge are still paid.
 */
final class FlatRatePlans {

    /** A plan at one usage level: its monthly price and what it covers. */
    record Level(String plan, String usageLevel, double monthlyUsd, double requests, double transferGb) {
        String label() {
            return usageLevel.equals("default") ? plan : plan + " (" + usageLevel + ")";
        }
    }

    /** What one month of the distribution uses and costs in one scenario. */
    static final class Month {
        long requests;
        double gb;
        /** Pay-as-you-go: CloudFront's share of the month, and everything else (S3, Lambda@Edge). */
        double cloudFrontUsd;
        double otherUsd;
    }

    private final Prices prices;
    final Map<String, Month> allCloudFront = new TreeMap<>();
    final Map<String, Month> withFunction = new TreeMap<>();

    FlatRatePlans(Prices prices) {
        this.prices = prices;
    }

    Month month(boolean function, String month) {
        return (function ? withFunction : allCloudFront).computeIfAbsent(month, m -> new Month());
    }

    /** The cheapest level that covers a month's usage; empty when none does (past the largest, AWS's sales team). */
    Optional<Level> cheapest(long requests, double gb) {
        return prices.flatRatePlans().stream().filter(l -> l.requests() >= requests && l.transferGb() >= gb)
                .min((a, b) -> Double.compare(a.monthlyUsd(), b.monthlyUsd()));
    }

    void write(ObjectNode node) {
        String functionOnAPlan = prices.lambdaAtEdgeOnPlans();
        node.put("functionOnAPlan", functionOnAPlan);
        ObjectNode months = node.putObject("months");
        double[] payAsYouGo = new double[2];
        double[] plan = new double[2];
        boolean[] covered = {true, true};
        for (int scenario = 0; scenario < 2; scenario++) {
            Map<String, Month> byMonth = scenario == 0 ? allCloudFront : withFunction;
            for (Map.Entry<String, Month> entry : byMonth.entrySet()) {
                Month m = entry.getValue();
                Optional<Level> level = cheapest(m.requests, m.gb);
                ObjectNode out = months.with(entry.getKey()).putObject(scenario == 0 ? "allCloudFront" : "withFunction");
                out.put("requests", m.requests).put("gb", SavingsReport.round(m.gb));
                out.put("payAsYouGoUsd", SavingsReport.round(m.cloudFrontUsd + m.otherUsd));
                payAsYouGo[scenario] += m.cloudFrontUsd + m.otherUsd;
                if (level.isPresent()) {
                    out.put("plan", level.get().label());
                    out.put("planUsd", SavingsReport.round(level.get().monthlyUsd() + m.otherUsd));
                    plan[scenario] += level.get().monthlyUsd() + m.otherUsd;
                } else {
                    out.putNull("plan");
                    covered[scenario] = false;
                }
            }
        }
        ObjectNode usd = node.putObject("usd");
        usd.put("payAsYouGoAllCloudFront", SavingsReport.round(payAsYouGo[0]));
        usd.put("payAsYouGoWithFunction", SavingsReport.round(payAsYouGo[1]));
        putOrNull(usd, "planAllCloudFront", covered[0] && !prices.flatRatePlans().isEmpty(), plan[0]);
        putOrNull(usd, "planWithFunction", covered[1] && !prices.flatRatePlans().isEmpty()
                && !functionOnAPlan.equals("not allowed"), plan[1]);
        String cheapest = "pay-as-you-go, all through CloudFront";
        double least = payAsYouGo[0];
        String[][] options = {{"payAsYouGoWithFunction", "pay-as-you-go with the function"},
            {"planAllCloudFront", "a flat-rate plan, all through CloudFront"},
            {"planWithFunction", "a flat-rate plan with the function"}};
        for (String[] option : options) {
            if (!usd.get(option[0]).isNull() && usd.get(option[0]).asDouble() < least) {
                least = usd.get(option[0]).asDouble();
                cheapest = option[1];
            }
        }
        node.put("cheapest", cheapest + (cheapest.endsWith("plan with the function")
                && functionOnAPlan.equals("sources disagree") ? " (if AWS allows Lambda@Edge on a plan: sources disagree)"
                : ""));
    }

    private static void putOrNull(ObjectNode node, String field, boolean present, double value) {
        if (present) {
            node.put(field, SavingsReport.round(value));
        } else {
            node.putNull(field);
        }
    }
}
