package dev.registryedge.cli.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/**
 * A distribution as read just now: its configuration as the SDK's model holds it and as
 * CloudFront sent it, the ETag to change it with, and CloudFront's state.
 */
record SeenDistribution(String id, String name, Fleet.Account account, String arn, String eTag,
        DistributionConfig config, ConfigXml sent, String status) {

    String label() {
        return id + " (" + name + ")";
    }

    Optional<Association> viewerRequest() {
        return Association.of(BlobBehaviour.viewerRequest(config));
    }

    /** The account id its ARN names. */
    String accountId() {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }
}
