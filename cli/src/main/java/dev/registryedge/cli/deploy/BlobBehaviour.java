package dev.registryedge.cli.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.EventType;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;

/**
 * The cache behaviour for blob downloads in a distribution's configuration, and its
 * viewer-request association: the one thing these commands change. Everything else in the
 * configuration (other behaviours, other event types, every setting) is carried over untouched.
 */
public final class BlobBehaviour {

    /** The path pattern the function is associated with. */
    public static final String PATH_PATTERN = "/docker/registry/v2/blobs/*";

    private BlobBehaviour() {}

    /** The blob behaviour, when the distribution has one. */
    public static Optional<CacheBehavior> find(DistributionConfig config) {
        if (config.cacheBehaviors() == null) {
            return Optional.empty();
        }
        return config.cacheBehaviors().items().stream().filter(b -> PATH_PATTERN.equals(b.pathPattern())).findFirst();
    }

    /** The blob behaviour's viewer-request association, when it has one. */
    public static Optional<LambdaFunctionAssociation> viewerRequest(DistributionConfig config) {
        return find(config).flatMap(b -> associations(b).stream()
                .filter(a -> a.eventType() == EventType.VIEWER_REQUEST).findFirst());
    }

    /** A viewer-request association with a published version, never {@code $LATEST}. */
    public static LambdaFunctionAssociation association(String versionArn, boolean includeBody) {
        if (!FunctionArns.isNumberedVersion(versionArn)) {
            throw new IllegalArgumentException("'" + versionArn + "' is not a numbered version of a function:"
                    + " Lambda@Edge takes published versions only");
        }
        return LambdaFunctionAssociation.builder().eventType(EventType.VIEWER_REQUEST).lambdaFunctionARN(versionArn)
                .includeBody(includeBody).build();
    }

    /**
     * The configuration with the blob behaviour's viewer-request association replaced (in its
     * place), added (first), or removed when {@code wanted} is empty.
     */
    public static DistributionConfig withViewerRequest(DistributionConfig config,
            Optional<LambdaFunctionAssociation> wanted) {
        List<CacheBehavior> behaviours = new ArrayList<>();
        for (CacheBehavior behaviour : config.cacheBehaviors().items()) {
            if (!PATH_PATTERN.equals(behaviour.pathPattern())) {
                behaviours.add(behaviour);
                continue;
            }
            List<LambdaFunctionAssociation> associations = new ArrayList<>(associations(behaviour));
            int at = -1;
            for (int i = 0; i < associations.size(); i++) {
                if (associations.get(i).eventType() == EventType.VIEWER_REQUEST) {
                    at = i;
                }
            }
            if (at >= 0) {
                associations.remove(at);
            }
            if (wanted.isPresent()) {
                associations.add(Math.max(at, 0), wanted.get());
            }
            behaviours.add(behaviour.toBuilder().lambdaFunctionAssociations(LambdaFunctionAssociations.builder()
                    .quantity(associations.size()).items(associations).build()).build());
        }
        return config.toBuilder().cacheBehaviors(config.cacheBehaviors().toBuilder().items(behaviours).build()).build();
    }

    private static List<LambdaFunctionAssociation> associations(CacheBehavior behaviour) {
        return behaviour.lambdaFunctionAssociations() == null ? List.of() : behaviour.lambdaFunctionAssociations().items();
    }
}
