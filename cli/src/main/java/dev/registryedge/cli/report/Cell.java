package dev.registryedge.cli.report;

import dev.registryedge.handler.core.Outcome;

/**
 * One bucket of the tally: requests alike in everything their price depends on.
 *
 * @param outcome null for a 307 in the logs whose route the replay cannot name, and for the
 *     rest of the logged traffic ({@link Scenario#OTHER}, {@link Scenario#OTHER_ON_BLOB_PATHS})
 * @param clientRegion the client's AWS region, or {@link #OUTSIDE_AWS}; null for the rest of the traffic
 * @param targetRegion the region of the bucket a 307 points to ({@link #STORE_OUTSIDE_AWS} for a
 *     target with an endpoint of its own), else null
 * @param priceRegion the CloudFront price region of the edge location that served the request
 * @param candidates for a logged 307 that more than one route could have made (a replica or the
 *     farm's bucket), their names ("a or b"); it is priced as the last of them. Else null.
 */
record Cell(Scenario scenario, String day, String distribution, Outcome outcome, String clientRegion,
        String targetRegion, String priceRegion, String candidates) {

    Cell(Scenario scenario, String day, String distribution, Outcome outcome, String clientRegion,
            String targetRegion, String priceRegion) {
        this(scenario, day, distribution, outcome, clientRegion, targetRegion, priceRegion, null);
    }

    static final String OUTSIDE_AWS = "outside AWS";
    /** The "region" of a target with an endpoint of its own: a store outside AWS, priced as such. */
    static final String STORE_OUTSIDE_AWS = "store outside AWS";

    /** Which account of the same requests a cell belongs to. */
    enum Scenario {
        /** Every blob GET served by CloudFront, without the function. */
        ALL_CLOUDFRONT,
        /** Replayed through the function with the primary replica assumption. */
        WITH_FUNCTION,
        /** Replayed with every checked target holding every blob (the upper bound). */
        WITH_FUNCTION_UPPER,
        /** What the logs say happened: CloudFront served it, or the function answered 307. */
        ACTUAL,
        /**
         * The rest of the logged traffic on the blob paths (HEADs, errors): the same in every
         * scenario, but the function runs on it too.
         */
        OTHER_ON_BLOB_PATHS,
        /** The rest of the logged traffic (manifests, tags, ...): the same in every scenario. */
        OTHER
    }
}
