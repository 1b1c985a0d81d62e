package dev.registryedge.cli.canary;

import java.util.List;

/**
 * What the canaries' figures came to.
 *
 * @param reasons for FAILED, each threshold crossed; for NOT_JUDGED, each figure missing
 * @param figures one line per canary and per canary account's function: the bake's figures and
 *     the hour before's, for people to read
 */
public record Verdict(Kind kind, List<String> reasons, List<String> figures) {

    public enum Kind {
        /** Within the thresholds for the whole bake time: the fleet may follow. */
        HEALTHY,
        /** A threshold crossed: roll the canaries back. */
        FAILED,
        /** The bake time is over and figures needed to judge are missing: stop, change nothing more. */
        NOT_JUDGED,
        /** Within the thresholds so far; the bake goes on. */
        SO_FAR_HEALTHY
    }
}
