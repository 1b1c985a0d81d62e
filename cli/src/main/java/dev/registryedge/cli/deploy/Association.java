package dev.registryedge.cli.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;

/** The blob behaviour's viewer-request association: a function version, and {@code IncludeBody} as CloudFront has it. */
record Association(String arn, boolean includeBody) {

    static Optional<Association> of(Optional<LambdaFunctionAssociation> association) {
        return association.map(a -> new Association(a.lambdaFunctionARN(), Boolean.TRUE.equals(a.includeBody())));
    }

    String shortName() {
        return FunctionArns.shortName(arn);
    }

    /** The version number at the end of the ARN. */
    String version() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    static String describe(Optional<Association> association) {
        return association.map(Association::shortName).orElse("none");
    }
}
