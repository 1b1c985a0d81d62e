package dev.registryedge.ipmap.routing;

/**
 * How much the decision lines tell CloudWatch as metrics (the configuration's {@code metrics}):
 * each level is a dimension set of the Embedded Metric Format, and each of its value combinations
 * a custom metric CloudWatch bills.
 */
public enum MetricsDetail {
    /** No metrics: the decision line is a plain log line. */
    OFF("off"),
    /** Per distribution. */
    DISTRIBUTION("distribution"),
    /** Per distribution and outcome (the default). */
    OUTCOME("outcome");

    private final String configName;

    MetricsDetail(String configName) {
        this.configName = configName;
    }

    /** As the routing configuration writes it. */
    public String configName() {
        return configName;
    }

    /** The level the configuration names, or null for a name that is none. */
    public static MetricsDetail ofConfigName(String name) {
        for (MetricsDetail detail : values()) {
            if (detail.configName.equals(name)) {
                return detail;
            }
        }
        return null;
    }
}
