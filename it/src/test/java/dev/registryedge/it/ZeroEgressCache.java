package dev.registryedge.it;

import dev.registryedge.it.bundle.TestRouting;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A zero-egress store outside AWS: an S3Proxy on 127.0.0.1 with a key pair of its own (unknown
 * to the function's AWS credentials), holding {@link TestRouting#CACHE_BUCKET}. {@link #rotate}
 * restarts it on the same port with new keys, as a provider's key rotation would look.
 */
final class ZeroEgressCache implements AutoCloseable {

    private S3Proxy proxy;
    private final int port;
    private AwsBasicCredentials keys;

    ZeroEgressCache(String accessKeyId, String secretAccessKey) throws Exception {
        proxy = start(0, accessKeyId, secretAccessKey);
        port = proxy.getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stores a blob of the farm's bucket in the cache, as a cache fill would. */
    void fill(S3World world, String digest) {
        byte[] content = world.clientFor(S3World.APPCI).getObjectAsBytes(request -> request.bucket(S3World.APPCI)
                .key(EventCorpus.blobKey(digest))).asByteArray();
        try (S3Client client = client()) {
            client.putObject(request -> request.bucket(TestRouting.CACHE_BUCKET).key(EventCorpus.blobKey(digest)),
                    RequestBody.fromBytes(content));
        }
    }

    /** New keys: the old ones are refused from now on, and the cache starts empty. */
    void rotate(String accessKeyId, String secretAccessKey) throws Exception {
        proxy.stop();
        proxy = start(port, accessKeyId, secretAccessKey);
    }

    private S3Proxy start(int onPort, String accessKeyId, String secretAccessKey) throws Exception {
        S3Proxy started = S3World.startProxy(onPort, accessKeyId, secretAccessKey);
        keys = AwsBasicCredentials.create(accessKeyId, secretAccessKey);
        try (S3Client client = client(started.getPort())) {
            client.createBucket(request -> request.bucket(TestRouting.CACHE_BUCKET));
        }
        return started;
    }

    private S3Client client() {
        return client(port);
    }

    private S3Client client(int onPort) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:" + onPort))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(keys))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
