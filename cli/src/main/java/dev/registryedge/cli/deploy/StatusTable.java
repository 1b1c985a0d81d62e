package dev.registryedge.cli.deploy;

import dev.registryedge.cli.text.Columns;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code status} prints: one row per distribution with its account, the associated version, whether its
 * code is the local zip's, CloudFront's state, and how old the version's IP map and the version
 * itself (its routing configuration) are. The map's date comes from the description deploy
 * gives each version.
 */
public final class StatusTable {

    private static final Pattern MAP_DATE = Pattern.compile("ip-ranges createDate (\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})");
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    /** Lambda's LastModified: ISO-8601 with any number of fractional digits and a +0000 offset. */
    private static final DateTimeFormatter LAMBDA_TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart()
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("Z").toFormatter();

    /** What status shows of a published version. */
    public record Version(String codeSha256, String description, String lastModified) {}

    private static final String[] HEADINGS = {"DISTRIBUTION", "NAME", "ACCOUNT", "VIEWER-REQUEST", "CODE", "STATE",
        "IP MAP", "PUBLISHED"};
    /** The same columns as JSON members, for {@code --output json}. */
    private static final String[] FIELDS = {"distribution", "name", "account", "viewerRequest", "code", "state",
        "ipMap", "published"};

    private final InstantSource clock;
    private final List<String[]> rows = new ArrayList<>();

    public StatusTable(InstantSource clock) {
        this.clock = clock;
    }

    /** The description deploy gives a version: what map it was built from. */
    public static String versionDescription(String mapCreateDate, String syncToken) {
        return "registry-edge: ip-ranges createDate " + mapCreateDate + " syncToken " + syncToken;
    }

    /** {@code 2026-08-22 (99 days old)} for an ip-ranges.json createDate. */
    public String mapAge(String createDate) {
        try {
            Instant created = LocalDateTime.parse(createDate, CREATE_DATE).toInstant(ZoneOffset.UTC);
            return createDate.substring(0, 10) + " (" + days(created) + " old)";
        } catch (DateTimeParseException e) {
            return createDate;
        }
    }

    void add(String id, String name, String account, boolean hasBehaviour, Optional<String> associated,
            Optional<Version> version, Optional<LocalZip> zip, String state) {
        String code = version.isEmpty() ? "-"
                : zip.isEmpty() ? "no local zip"
                : version.get().codeSha256().equals(zip.get().codeSha256()) ? "= local zip" : "differs";
        String map = version.map(v -> {
            Matcher date = MAP_DATE.matcher(String.valueOf(v.description()));
            return date.find() ? mapAge(date.group(1)) : "unknown";
        }).orElse("-");
        String published = version.map(v -> published(v.lastModified())).orElse("-");
        rows.add(new String[] {id, name, account,
            !hasBehaviour ? "no blob behaviour" : associated.map(FunctionArns::shortName).orElse("disabled"),
            code, state, map, published});
    }

    /** Whether any distribution was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows in the order added, each column under its {@link #FIELDS} name. */
    public List<Map<String, String>> records() {
        List<Map<String, String>> records = new ArrayList<>();
        for (String[] row : rows) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < FIELDS.length; i++) {
                record.put(FIELDS[i], row[i]);
            }
            records.add(record);
        }
        return records;
    }

    /** The table with its headings, columns padded to line up. */
    public void print(PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADINGS);
        lines.addAll(rows);
        Columns.print(lines, out);
    }

    private String published(String lastModified) {
        try {
            Instant at = OffsetDateTime.parse(lastModified, LAMBDA_TIME).toInstant();
            return lastModified.substring(0, 10) + " (" + days(at) + " ago)";
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(lastModified);
        }
    }

    private String days(Instant since) {
        long days = Duration.between(since, clock.instant()).toDays();
        return days == 1 ? "1 day" : days + " days";
    }
}
