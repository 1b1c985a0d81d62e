package dev.registryedge.cli.deploy;

import java.util.List;

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
    /** {@code ARN [includeBody]}: the association disable removed, what enable puts back. */
    public static final String DISABLED = "registry-edge:disabled-viewer-request";

    private static final String INCLUDE_BODY = "includeBody";

    /** What the last deploy did. */
    record LastDeploy(String from, String to) {}

    private Records() {}

    static String encode(Association association) {
        return association.includeBody() ? association.arn() + " " + INCLUDE_BODY : association.arn();
    }

    static String encode(LastDeploy deploy) {
        return deploy.from() + " " + deploy.to();
    }

    /** @param where the tag or file the value came from, for the message when it is not a record */
    static Association association(String where, String value) {
        List<String> words = words(where, value, "a function version", 1, 2);
        if (words.size() == 2 && !words.get(1).equals(INCLUDE_BODY)) {
            throw notARecord(where, value, "a function version");
        }
        return new Association(words.get(0), words.size() == 2);
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
