package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.RoleKeys;
import dev.registryedge.handler.core.SecretJson;
import dev.registryedge.handler.core.SecretKeys;
import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.SigV4;
import dev.registryedge.handler.sigv4.Sha256;
import dev.registryedge.handler.sigv4.SignedRequest;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.S3Limits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keys for each credentials source: the function's own from the reserved environment
 * variables, assumed roles through STS AssumeRole (the Query API), kept and renewed by
 * {@link RoleKeys}, and key pairs kept in Secrets Manager through GetSecretValue (the JSON API),
 * kept by {@link SecretKeys}.
 */
final class EdgeCredentials {

    private final String stsEndpoint;
    private final String secretsEndpoint;
    private final int presignValiditySeconds;
    private final S3Limits limits;
    private final Function<String, String> environment;
    private final Clock clock;
    private final Map<String, RoleKeys<AwsKeys>> roleKeys = new HashMap<>();
    private final Map<String, SecretKeys<AwsKeys>> secretKeys = new HashMap<>();

    /**
     * @param stsEndpoint where to call AssumeRole, an origin without a path, e.g. {@code https://sts.amazonaws.com}
     * @param secretsEndpoint where to call GetSecretValue instead of the secret's regional endpoint, or null
     */
    EdgeCredentials(String stsEndpoint, String secretsEndpoint, int presignValiditySeconds, S3Limits limits,
            Function<String, String> environment, Clock clock) {
        this.environment = environment;
        this.stsEndpoint = stsEndpoint;
        this.secretsEndpoint = secretsEndpoint;
        this.presignValiditySeconds = presignValiditySeconds;
        this.limits = limits;
        this.clock = clock;
    }

    /** @param deadline an AssumeRole call, when one is needed, ends by it */
    AwsKeys keysFor(Credentials source, Deadline deadline) {
        if (source.readsSecret()) {
            return secretKeys.computeIfAbsent(source.name(), name -> new SecretKeys<>(source, this::getSecretValue,
                    clock)).get(deadline);
        }
        if (!source.assumesRole()) {
            return functionKeys();
        }
        RoleKeys<AwsKeys> keys = roleKeys.get(source.name());
        if (keys == null) {
            keys = new RoleKeys<>(source, presignValiditySeconds, this::assumeRole, AwsKeys::expiresAtMillis, clock);
            roleKeys.put(source.name(), keys);
        }
        return keys.get(deadline);
    }

    private AwsKeys functionKeys() {
        String id = environment.apply("AWS_ACCESS_KEY_ID");
        String secret = environment.apply("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            throw new IllegalStateException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
        }
        return new AwsKeys(id, secret, environment.apply("AWS_SESSION_TOKEN"), Long.MAX_VALUE);
    }

    private AwsKeys assumeRole(Credentials source, Deadline deadline) {
        AwsKeys function = functionKeys();
        long nowMillis = clock.millis();
        String body = "Action=AssumeRole&DurationSeconds=" + source.durationSeconds() + "&RoleArn="
                + SigV4.uriEncode(source.roleArn(), false) + "&RoleSessionName="
                + SigV4.uriEncode(source.sessionName(), false) + "&Version=2011-06-15";
        String host = stsEndpoint.substring(stsEndpoint.indexOf("://") + 3);
        List<SignedRequest.Header> headers = SignedRequest.sign(function, "us-east-1", "sts", "POST", host, "/", "",
                List.of(new SignedRequest.Header("content-type", "application/x-www-form-urlencoded; charset=utf-8")),
                Sha256.hex(Sha256.digest(SigV4.utf8(body))), nowMillis);
        HttpCall.Answer answer = HttpCall.exchange("POST", stsEndpoint + "/", headers, body, deadline, limits);
        if (answer.status() != 200) {
            throw new IllegalStateException("AssumeRole " + source.roleArn() + " answered " + answer.status() + " "
                    + element(answer.body(), "Code"));
        }
        return new AwsKeys(element(answer.body(), "AccessKeyId"), element(answer.body(), "SecretAccessKey"),
                element(answer.body(), "SessionToken"), SigV4.parseIsoMillis(element(answer.body(), "Expiration")));
    }

    /** A store refused these keys (401 or 403): a secret's are fetched again by the next request. */
    void refused(Credentials source, AwsKeys keys) {
        SecretKeys<AwsKeys> secret = source.readsSecret() ? secretKeys.get(source.name()) : null;
        if (secret != null) {
            secret.forget(keys);
        }
    }

    /** GetSecretValue, signed with the function's own keys, read into the secret's key pair. */
    private AwsKeys getSecretValue(Credentials source, Deadline deadline) {
        String region = source.secretRegion();
        String endpoint = secretsEndpoint != null ? secretsEndpoint : "https://secretsmanager." + region
                + ".amazonaws.com";
        String body = "{\"SecretId\":\"" + source.secretArn() + "\"}";
        String host = endpoint.substring(endpoint.indexOf("://") + 3);
        List<SignedRequest.Header> headers = SignedRequest.sign(functionKeys(), region, "secretsmanager", "POST", host,
                "/", "", List.of(new SignedRequest.Header("content-type", "application/x-amz-json-1.1"),
                        new SignedRequest.Header("x-amz-target", "secretsmanager.GetSecretValue")),
                Sha256.hex(Sha256.digest(SigV4.utf8(body))), clock.millis());
        HttpCall.Answer answer = HttpCall.exchange("POST", endpoint + "/", headers, body, deadline, limits);
        if (answer.status() != 200) {
            throw new IllegalStateException("GetSecretValue " + source.secretArn() + " answered " + answer.status()
                    + " " + SecretJson.errorType(answer.body()));
        }
        SecretJson.KeyPair pair = SecretJson.keyPair(answer.body());
        return new AwsKeys(pair.accessKeyId(), pair.secretAccessKey(), null, Long.MAX_VALUE);
    }

    /** The text of the first {@code <name>} element; STS answers are small and flat enough for this. */
    static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        if (start < 0 || end < start) {
            return null;
        }
        return xml.substring(start + name.length() + 2, end).replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
    }
}
