package dev.registryedge.cli.deploy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a change replaced, kept as tags on the distribution so that another operator, or another
 * machine, can undo it: {@value #LAST_DEPLOY} (the version a deploy replaced and the one it
 * installed, for rollback) and {@value #DISABLED} (the association disable removed, for enable).
 * One codec for both: function ARNs and flags separated by spaces, since tag values allow no
 * JSON; the local records file holds the same values.
 */
public final class Records {

    /** {@code FROM TO}: the version the last deploy replaced and the one it installed. */
    public static final String LAST_DEPLOY = "registry-edge:last-deploy";
    /**
     * {@code ARN [includeBody] [at=INSTANT]}: the association disable removed, what enable puts
     * back, and when disable removed it: where a tag and the local records file disagree, the
     * newer wins.
     */
    public static final String DISABLED = "registry-edge:disabled-viewer-request";

    private static final String INCLUDE_BODY = "includeBody";
    private static final String AT = "at=";

    /** What the last deploy did. */
    record LastDeploy(String from, String to) {}

    /** What a disable removed, and when ({@link Instant#EPOCH} for a record that does not say). */
    record Disabled(Association association, Instant at) {
        /** The newer of two records. */
        static Optional<Disabled> newer(Optional<Disabled> one, Optional<Disabled> other) {
            if (one.isEmpty() || other.isEmpty()) {
                return one.isPresent() ? one : other;
            }
            return other.get().at().isAfter(one.get().at()) ? other : one;
        }
    }

    private Records() {}

    static String encode(Disabled disabled) {
        Association association = disabled.association();
        return association.arn() + (association.includeBody() ? " " + INCLUDE_BODY : "") + " " + AT
                + disabled.at().truncatedTo(ChronoUnit.SECONDS);
    }

    static String encode(LastDeploy deploy) {
        return deploy.from() + " " + deploy.to();
    }

    /** @param where the tag or file the value came from, for the message when it is not a record */
    static Disabled disabled(String where, String value) {
        List<String> words = words(where, value, "a function version", 1, 3);
        boolean includeBody = false;
        Instant at = Instant.EPOCH;
        for (String word : words.subList(1, words.size())) {
            if (word.equals(INCLUDE_BODY) && !includeBody) {
                includeBody = true;
            } else if (word.startsWith(AT) && at.equals(Instant.EPOCH)) {
                try {
                    at = Instant.parse(word.substring(AT.length()));
                } catch (DateTimeParseException e) {
                    throw notARecord(where, value, "a function version and when it was removed");
                }
            } else {
                throw notARecord(where, value, "a function version");
            }
        }
        return new Disabled(new Association(words.get(0), includeBody), at);
    }

    static LastDeploy lastDeploy(String where, String value) {
        List<String> words = words(where, value, "two function versions", 2, 2);
        return new LastDeploy(words.get(0), words.get(1));
    }

    private static List<String> words(String where, String value, String expected, int least, int most) {
        List<String> words = value == null || value.isBlank() ? List.of() : List.of(value.trim().split(" +"));
        if (words.size() < least || words.size() > most
                || !words.subList(0, least).stream().allMatch(FunctionArns::isNumberedVersion)) {
            throw notARecord(where, value, expected);
        }
        return words;
    }

    private static Refused notARecord(String where, String value, String expected) {
        return new Refused(where + " holds '" + value + "', not " + expected);
    }
}
