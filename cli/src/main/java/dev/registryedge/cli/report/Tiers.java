package dev.registryedge.cli.report;

import java.util.List;

/**
 * A price by volume tier, as AWS bills transfer: each unit costs the rate of the tier its place
 * in the month's running total falls in. A flat price is one tier from 0.
 *
 * @param from where each tier starts (units: GB or requests), ascending, the first 0
 * @param rate the price per unit in each tier
 */
record Tiers(double[] from, double[] rate) {

    static Tiers flat(double rate) {
        return new Tiers(new double[] {0}, new double[] {rate});
    }

    static Tiers of(List<double[]> fromAndRate) {
        double[] from = new double[fromAndRate.size()];
        double[] rate = new double[fromAndRate.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = fromAndRate.get(i)[0];
            rate[i] = fromAndRate.get(i)[1];
        }
        return new Tiers(from, rate);
    }

    /** What the units from place {@code start} to place {@code end} of the month's total cost. */
    double cost(double start, double end) {
        double cost = 0;
        for (int i = 0; i < from.length && end > start; i++) {
            double tierEnd = i + 1 < from.length ? from[i + 1] : Double.POSITIVE_INFINITY;
            double overlap = Math.min(end, tierEnd) - Math.max(start, from[i]);
            if (overlap > 0) {
                cost += overlap * rate[i];
            }
        }
        return cost;
    }

    /** The first tier's rate: what a unit costs at the start of a month. */
    double firstRate() {
        return rate[0];
    }
}
