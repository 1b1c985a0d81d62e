package dev.registryedge.cli.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

/**
 * The distributions of one account: read with their ETag and the XML CloudFront sent, changed
 * with {@code If-Match} (a concurrent change is read again and the change retried), and read
 * back after each change to check that only the blob behaviour's associations changed. A
 * configuration holding elements the SDK does not model is never written back. The CloudFront
 * client must carry {@link RawResponses}.
 */
final class DistributionStore {

    private static final int ATTEMPTS = 5;

    /** What to do with a distribution just read: the configuration to write, or empty for none. */
    interface Change {
        Optional<DistributionConfig> next(SeenDistribution seen);
    }

    private final CloudFrontClient cloudFront;
    private final Fleet.Account account;
    private final Console console;

    DistributionStore(CloudFrontClient cloudFront, Fleet.Account account, Console console) {
        this.cloudFront = cloudFront;
        this.account = account;
        this.console = console;
    }

    SeenDistribution read(String id, String name) {
        AtomicReference<byte[]> raw = new AtomicReference<>();
        GetDistributionResponse read = cloudFront.getDistribution(GetDistributionRequest.builder().id(id)
                .overrideConfiguration(o -> o.putExecutionAttribute(RawResponses.SINK, raw)).build());
        var d = read.distribution();
        return new SeenDistribution(d.id(), name, account, d.arn(), read.eTag(), d.distributionConfig(),
                ConfigXml.ofDistribution(sent(raw)), d.status());
    }

    String status(String id) {
        return cloudFront.getDistribution(b -> b.id(id)).distribution().status();
    }

    /** A change CloudFront took: the distribution as read just before it, and as the update left it. */
    record Written(SeenDistribution before, SeenDistribution after) {}

    /**
     * Writes what {@code change} makes of the distribution, with the ETag it was read with;
     * where someone else changed it meanwhile, reads it again and asks {@code change} again.
     *
     * @param beforeWrite runs once the change is decided, before each write
     * @return the change made, or empty when {@code change} wanted none
     */
    Optional<Written> update(SeenDistribution first, Change change, Runnable beforeWrite) {
        SeenDistribution seen = first;
        for (int attempt = 1; ; attempt++) {
            Optional<DistributionConfig> next = change.next(seen);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            checkWholeModel(seen);
            beforeWrite.run();
            try {
                SeenDistribution at = seen;
                AtomicReference<byte[]> raw = new AtomicReference<>();
                UpdateDistributionResponse updated = cloudFront.updateDistribution(UpdateDistributionRequest.builder()
                        .id(at.id()).ifMatch(at.eTag()).distributionConfig(next.get())
                        .overrideConfiguration(o -> o.putExecutionAttribute(RawResponses.SINK, raw)).build());
                var d = updated.distribution();
                return Optional.of(new Written(at, new SeenDistribution(d.id(), at.name(), account, d.arn(),
                        updated.eTag(), d.distributionConfig(), ConfigXml.ofDistribution(sent(raw)), d.status())));
            } catch (PreconditionFailedException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
                console.note(seen.label() + ": changed by someone else since it was read; reading it again");
                seen = read(first.id(), first.name());
            }
        }
    }

    /**
     * Refuses a distribution whose configuration, as CloudFront sent it, holds elements the SDK's
     * model lacks: writing the model back would drop them.
     */
    void checkWholeModel(SeenDistribution seen) {
        List<String> unmodelled = seen.sent().unmodelled(DistributionConfig::builder);
        if (!unmodelled.isEmpty()) {
            throw new Refused("CloudFront sent elements this tool's AWS SDK does not know ("
                    + String.join(", ", unmodelled) + "); writing the configuration back would drop them, so it"
                    + " is left alone. Update registry-edge, or change the association with the AWS CLI"
                    + " (docs/operating.md, \"Settings this tool does not know\")");
        }
    }

    /**
     * Reads the distribution again and lists what differs from {@code before} besides the blob
     * behaviour's associations; and whether those are as {@code wanted}.
     */
    List<String> unexpectedChanges(SeenDistribution before, Optional<Association> wanted) {
        SeenDistribution after = read(before.id(), before.name());
        List<String> differences = new ArrayList<>(ConfigXml.differences(
                before.sent().leaves(ConfigXml.BLOB_ASSOCIATIONS), after.sent().leaves(ConfigXml.BLOB_ASSOCIATIONS)));
        if (!after.viewerRequest().equals(wanted)) {
            differences.add("viewer-request is " + Association.describe(after.viewerRequest()) + ", not "
                    + Association.describe(wanted));
        }
        return differences;
    }

    Map<String, String> tags(SeenDistribution seen) {
        Map<String, String> tags = new LinkedHashMap<>();
        cloudFront.listTagsForResource(b -> b.resource(seen.arn())).tags().items()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    void tag(SeenDistribution seen, String key, String value) {
        cloudFront.tagResource(b -> b.resource(seen.arn()).tags(t -> t.items(Tag.builder().key(key).value(value)
                .build())));
    }

    void untag(SeenDistribution seen, String key) {
        cloudFront.untagResource(b -> b.resource(seen.arn()).tagKeys(k -> k.items(key)));
    }

    private static byte[] sent(AtomicReference<byte[]> raw) {
        if (raw.get() == null) {
            throw new IllegalStateException("the CloudFront client was built without " + RawResponses.class.getName());
        }
        return raw.get();
    }
}
