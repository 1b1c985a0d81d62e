package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/**
 * How the adapter reaches AWS.
 *
 * @param functionCredentials the function's own credentials; in Lambda they are in the
 *     reserved environment variables. Never the instance-metadata service: a function has none,
 *     and probing for it would cost seconds.
 * @param s3Endpoints where targets without an endpoint of their own are reached instead of AWS
 *     (tests and local runs point this at a local S3 API)
 * @param stsEndpoint where roles are assumed, or {@code null} for AWS STS in us-east-1
 * @param secretsEndpoint where secrets are read, or {@code null} for Secrets Manager in the secret's region
 * @param routing the limits and validity to work with
 * @param clock the time credentials are judged by
 */
public record AwsSettings(AwsCredentialsProvider functionCredentials, S3Endpoints s3Endpoints, URI stsEndpoint,
        URI secretsEndpoint, RoutingConfig routing, Clock clock) {

    /** Secrets Manager at the secret's own regional endpoint. */
    public AwsSettings(AwsCredentialsProvider functionCredentials, S3Endpoints s3Endpoints, URI stsEndpoint,
            RoutingConfig routing, Clock clock) {
        this(functionCredentials, s3Endpoints, stsEndpoint, null, routing, clock);
    }

    /** What the function uses in Lambda. */
    public static AwsSettings forLambda(RoutingConfig routing) {
        return new AwsSettings(environmentCredentials(), S3Endpoints.NONE, null, routing, Clock.SYSTEM);
    }

    /** Credentials from {@code AWS_ACCESS_KEY_ID} and friends, or the matching system properties. */
    public static AwsCredentialsProvider environmentCredentials() {
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create());
    }
}
