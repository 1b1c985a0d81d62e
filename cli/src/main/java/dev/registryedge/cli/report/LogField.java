package dev.registryedge.cli.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a CloudFront access log record the report reads, by the names CloudFront gives
 * them in every format (the W3C {@code #Fields:} header, a JSON member, a Parquet column), and
 * the other names a standard log (legacy or v2) can carry, which are read past without a word.
 */
enum LogField {
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIMESTAMP_MS("timestamp(ms)"),
    DISTRIBUTION_ID("DistributionId"),
    EDGE("x-edge-location"),
    SC_BYTES("sc-bytes"),
    CLIENT_IP("c-ip"),
    METHOD("cs-method"),
    URI("cs-uri-stem"),
    STATUS("sc-status"),
    USER_AGENT("cs(User-Agent)", "cs-user-agent"),
    CONTENT_LENGTH("sc-content-len"),
    RANGE_START("sc-range-start"),
    REQUEST_ID("x-edge-request-id"),
    RESULT_TYPE("x-edge-result-type"),
    RESPONSE_RESULT_TYPE("x-edge-response-result-type"),
    DETAILED_RESULT_TYPE("x-edge-detailed-result-type");

    static final LogField[] ALL = values();

    /**
     * Every other field a standard log can have: the legacy 33 and what v2 added (the subset of
     * real-time log fields it offers, under both spellings where they differ).
     */
    private static final Set<String> READ_PAST = Set.of("time", "cs(Host)", "cs-host", "cs(Referer)", "cs-referer",
            "cs-uri-query", "cs(Cookie)", "cs-cookie", "x-host-header", "cs-protocol", "cs-bytes", "time-taken",
            "x-forwarded-for", "ssl-protocol", "ssl-cipher", "cs-protocol-version", "fle-status",
            "fle-encrypted-fields", "c-port", "time-to-first-byte", "sc-content-type", "sc-range-end", "c-ip-version",
            "c-country", "cs-accept-encoding", "cs-accept", "cache-behavior-path-pattern", "cs-headers",
            "cs-header-names", "cs-headers-count", "primary-distribution-id", "primary-distribution-dns-name",
            "origin-fbl", "origin-lbl", "asn");

    private static final Map<String, LogField> BY_NAME = new HashMap<>();
    private static final Map<String, LogField> BY_LOOSE_NAME = new HashMap<>();

    static {
        for (LogField field : ALL) {
            for (String name : field.names) {
                BY_NAME.put(name, field);
                BY_LOOSE_NAME.put(loosely(name), field);
            }
        }
    }

    private final String[] names;

    LogField(String... names) {
        this.names = names;
    }

    /** The name CloudFront's standard logs give the field. */
    String logName() {
        return names[0];
    }

    /** The field of that name, or null for one the report does not read. */
    static LogField named(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The field of a name as a column store may spell it ({@code cs_user_agent},
     * {@code x_edge_location}): case, punctuation and underscores aside; or null.
     */
    static LogField namedLoosely(String name) {
        LogField exact = named(name);
        return exact != null ? exact : BY_LOOSE_NAME.get(loosely(name));
    }

    private static String loosely(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Whether a name is a field CloudFront's standard logs can have. */
    static boolean isKnown(String name) {
        return BY_NAME.containsKey(name) || READ_PAST.contains(name);
    }
}
