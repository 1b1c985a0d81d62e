package dev.registryedge.handler.core;

import dev.registryedge.ipmap.routing.Target;
import java.util.List;

/**
 * The result of routing one request.
 *
 * @param outcome what happens
 * @param reason why, in a few words, for logs and the diagnostic header
 * @param distribution the distribution's configured name, or {@code null} for an id the configuration lacks
 * @param clientRegion the region the client was placed in, or {@code null}
 * @param target where the client is sent, or {@code null} on pass-through
 * @param location the presigned URL, or {@code null} on pass-through
 * @param s3Millis time spent in existence checks
 * @param existenceChecks how many times the request asked whether a blob exists in a target
 * @param cacheHits how many of those the existence cache answered, without asking S3
 * @param verbose whether this request asked for verbose logging
 * @param unusable the targets skipped because their check or signing failed, in order
 */
public record Decision(Outcome outcome, String reason, String distribution, String clientRegion, Target target,
        String location, long s3Millis, int existenceChecks, int cacheHits, boolean verbose, List<String> unusable) {

    public Decision {
        unusable = List.copyOf(unusable);
    }

    /** The value of the diagnostic header: the route taken, never a credential. */
    public String routeDescription() {
        if (target == null) {
            return "cloudfront " + reason;
        }
        return (outcome == Outcome.REPLICA ? "replica " : "bucket ") + target.region() + " " + target.name();
    }
}
