package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Deadline;
import dev.registryedge.handler.core.ObjectStore;
import dev.registryedge.handler.core.UrlSigner;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.S3Location;
import dev.registryedge.handler.sigv4.S3Presign;
import dev.registryedge.handler.sigv4.SigV4;
import dev.registryedge.handler.sigv4.SignedRequest;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.util.List;

/** HeadObject as a signed HEAD over Node's https, and presigned GET URLs. Nothing is retried. */
final class NodeS3 implements ObjectStore, UrlSigner {

    private final EdgeCredentials credentials;
    private final S3Endpoints endpoints;
    private final S3Limits limits;
    private final Clock clock;

    NodeS3(EdgeCredentials credentials, S3Endpoints endpoints, S3Limits limits, Clock clock) {
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.limits = limits;
        this.clock = clock;
    }

    private S3Location locate(Target target, String key) {
        S3Endpoints.Endpoint endpoint = endpoints.of(target);
        return S3Location.of(endpoint.url(), endpoint.pathStyle(), target.region(), target.bucket(), key);
    }

    @Override
    public boolean exists(Route route, String key, Deadline deadline) {
        AwsKeys keys = credentials.keysFor(route.credentials(), deadline);
        long now = clock.millis();
        S3Location location = locate(route.target(), key);
        List<SignedRequest.Header> headers = SignedRequest.sign(keys, route.target().region(), "s3", "HEAD",
                location.host(), location.path(), "", List.of(), SigV4.EMPTY_PAYLOAD, now);
        HttpCall.Answer answer = HttpCall.exchange("HEAD", location.origin() + location.path(), headers, null,
                deadline, limits);
        if (answer.status() == 200) {
            return true;
        }
        if (answer.status() == 404) {
            return false;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            credentials.refused(route.credentials(), keys);
        }
        throw new IllegalStateException("HeadObject " + route.target().bucket() + " answered " + answer.status());
    }

    @Override
    public String presignGet(Route route, String key, int validitySeconds, Deadline deadline) {
        AwsKeys keys = credentials.keysFor(route.credentials(), deadline);
        return S3Presign.get(keys, route.target().region(), locate(route.target(), key), validitySeconds,
                clock.millis());
    }
}
