package dev.registryedge.handler.jvm;

import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.SecretJson;
import dev.registryedge.handler.core.SecretKeys;
import dev.registryedge.handler.core.UrlSigner;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * S3 HeadObject and presigning through the AWS SDK for Java v2. Clients are built once per
 * container for each (target, credentials) pair and reused; nothing is retried, because a
 * slow answer is better replaced by CloudFront than waited for.
 */
public final class AwsS3Access implements ObjectStore, UrlSigner, AutoCloseable {

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final Map<String, SdkRoleKeys> credentials = new ConcurrentHashMap<>();
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();
    private final Map<String, S3Presigner> presigners = new ConcurrentHashMap<>();
    private final Map<String, SecretKeys<AwsCredentials>> secrets = new ConcurrentHashMap<>();
    private final Map<String, SecretsManagerClient> secretsManagers = new ConcurrentHashMap<>();
    private StsClient sts;

    public AwsS3Access(AwsSettings settings) {
        this.settings = settings;
        S3Limits limits = settings.routing().s3();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofMillis(limits.connectTimeoutMillis()))
                .socketTimeout(Duration.ofMillis(limits.requestTimeoutMillis()))
                .build();
    }

    @Override
    public boolean exists(Route route, String key, Deadline deadline) {
        S3Client s3 = clients.computeIfAbsent(cacheKey(route), k -> buildClient(route));
        AwsCredentials secret = route.credentials().readsSecret() ? secretKeys(route.credentials()).get(deadline) : null;
        AwsCredentialsProvider keys = secret != null ? StaticCredentialsProvider.create(secret)
                : keysFor(route.credentials(), deadline);
        Duration timeout = Duration.ofMillis(deadline.cut(settings.routing().s3().requestTimeoutMillis()));
        try {
            s3.headObject(request -> request.bucket(route.target().bucket()).key(key)
                    .overrideConfiguration(o -> o.credentialsProvider(keys)
                            .apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if ((e.statusCode() == 401 || e.statusCode() == 403) && secret != null) {
                // The secret was rotated (or revoked): the next request reads it again.
                secretKeys(route.credentials()).forget(secret);
            }
            throw e;
        }
    }

    @Override
    public String presignGet(Route route, String key, int validitySeconds, Deadline deadline) {
        S3Presigner presigner = presigners.computeIfAbsent(cacheKey(route), k -> buildPresigner(route));
        AwsCredentialsProvider keys = keysFor(route.credentials(), deadline);
        return presigner.presignGetObject(request -> request
                        .signatureDuration(Duration.ofSeconds(validitySeconds))
                        .getObjectRequest(get -> get.bucket(route.target().bucket()).key(key)
                                .overrideConfiguration(o -> o.credentialsProvider(keys))))
                .url().toString();
    }

    /**
     * The keys for a credentials source, resolved now so that an AssumeRole call made for them
     * ends by the request's deadline rather than inside the SDK on a clock of its own.
     */
    private AwsCredentialsProvider keysFor(Credentials source, Deadline deadline) {
        if (source.readsSecret()) {
            return StaticCredentialsProvider.create(secretKeys(source).get(deadline));
        }
        if (!source.assumesRole()) {
            return settings.functionCredentials();
        }
        return StaticCredentialsProvider.create(roleCredentials(source).resolve(deadline));
    }

    private static String cacheKey(Route route) {
        return route.target().name() + "\n" + route.credentials().name();
    }

    private S3Client buildClient(Route route) {
        Target target = route.target();
        S3Endpoints.Endpoint endpoint = settings.s3Endpoints().of(target);
        var builder = S3Client.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(settings.functionCredentials())
                .httpClient(http)
                .forcePathStyle(endpoint.pathStyle())
                .overrideConfiguration(noRetries());
        if (endpoint.url() != null) {
            builder.endpointOverride(URI.create(endpoint.url()));
        }
        return builder.build();
    }

    private S3Presigner buildPresigner(Route route) {
        Target target = route.target();
        S3Endpoints.Endpoint endpoint = settings.s3Endpoints().of(target);
        var builder = S3Presigner.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(settings.functionCredentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.pathStyle()).build());
        if (endpoint.url() != null) {
            builder.endpointOverride(URI.create(endpoint.url()));
        }
        return builder.build();
    }

    private ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofMillis(settings.routing().s3().requestTimeoutMillis()))
                .build();
    }

    /** The holder of a secret's key pair, one per secret for the container's life. */
    private SecretKeys<AwsCredentials> secretKeys(Credentials source) {
        return secrets.computeIfAbsent(source.name(), name -> new SecretKeys<>(source, this::getSecretValue,
                settings.clock()));
    }

    /** GetSecretValue with the function's own credentials, ending by the request's deadline. */
    private AwsCredentials getSecretValue(Credentials source, Deadline deadline) {
        SecretsManagerClient client = secretsManager(source.secretRegion());
        // Cut after the client is built: building one takes a cold JVM hundreds of milliseconds.
        Duration timeout = Duration.ofMillis(deadline.cut(settings.routing().s3().requestTimeoutMillis()));
        String secret;
        try {
            secret = client.getSecretValue(request -> request
                    .secretId(source.secretArn())
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout))).secretString();
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new IllegalStateException("GetSecretValue of " + source.secretArn() + " timed out after "
                    + timeout.toMillis() + " ms");
        } catch (SdkServiceException e) {
            // What happened, never the SDK's message: it may quote the answer, and so the secret.
            throw new IllegalStateException("GetSecretValue of " + source.secretArn() + " answered HTTP "
                    + e.statusCode() + " " + errorCode(e));
        } catch (SdkException e) {
            throw new IllegalStateException("GetSecretValue of " + source.secretArn() + " failed: "
                    + e.getClass().getSimpleName() + " (its message is not kept: a parse error quotes the answer)");
        }
        if (secret == null) {
            throw new IllegalStateException("the secret " + source.secretArn() + " has no SecretString");
        }
        SecretJson.KeyPair pair = SecretJson.keyPairOf(secret);
        return AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey());
    }

    /** An AWS error code is a word; anything else in its place is not repeated. */
    private static String errorCode(SdkServiceException e) {
        String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : null;
        return code != null && code.length() <= 64 && code.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.')
                ? code : "(no error code)";
    }

    private SecretsManagerClient secretsManager(String region) {
        return secretsManagers.computeIfAbsent(region, r -> {
            var builder = SecretsManagerClient.builder()
                    .region(Region.of(r))
                    .credentialsProvider(settings.functionCredentials())
                    .httpClient(http)
                    .overrideConfiguration(noRetries());
            if (settings.secretsEndpoint() != null) {
                builder.endpointOverride(settings.secretsEndpoint());
            }
            return builder.build();
        });
    }

    /** The renewing holder of a role's credentials, one per role for the container's life. */
    private SdkRoleKeys roleCredentials(Credentials source) {
        return credentials.computeIfAbsent(source.name(), name -> new SdkRoleKeys(sts(), source,
                settings.routing().presignValiditySeconds(), settings.routing().s3().requestTimeoutMillis(),
                settings.clock()));
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            var builder = StsClient.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(settings.functionCredentials())
                    .httpClient(http)
                    .overrideConfiguration(noRetries());
            if (settings.stsEndpoint() != null) {
                builder.endpointOverride(settings.stsEndpoint());
            }
            sts = builder.build();
        }
        return sts;
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        presigners.values().forEach(S3Presigner::close);
        secretsManagers.values().forEach(SecretsManagerClient::close);
        if (sts != null) {
            sts.close();
        }
        http.close();
    }
}
