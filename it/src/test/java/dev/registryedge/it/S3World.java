package dev.registryedge.it;

import java.net.URI;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3Proxy per simulated region on 127.0.0.1, with SigV4 checking on, holding the buckets
 * of the compiled-in configuration, seeded with random blobs stored under their true digest.
 *
 * <p>S3Proxy knows one key pair per instance, so the function's keys and the keys the STS
 * stand-in hands out for the cross-account role are the same pair (with a session token for
 * the role): signatures are checked, the separation of accounts is not.
 */
final class S3World implements AutoCloseable {

    static final String IDENTITY = "AKIDS3PROXYTEST";
    static final String CREDENTIAL = "s3proxy-test-secret";
    static final String APPCI = "ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix";
    static final String BUILD01 = "build01-9hdwj-image-registry-us-east-1-nucqrmelsxtgndkbvchwdkw";
    static final String BUILD03 = "build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi";
    static final String BUILD09 = "build09-x99t2-image-registry-us-east-2-vdprrtegoqcavvotayumroy";
    static final Map<String, List<String>> BUCKETS = Map.of(
            "us-east-1", List.of(APPCI, BUILD01, BUILD03),
            "us-east-2", List.of(EventCorpus.REPLICA_EAST2, BUILD09),
            "us-west-1", List.of(EventCorpus.REPLICA_WEST1),
            "us-west-2", List.of(EventCorpus.REPLICA_WEST2));

    private final Map<String, S3Proxy> proxies = new LinkedHashMap<>();
    private final Map<String, S3Client> clients = new HashMap<>();
    private final Random random = new Random(3);

    S3World() throws Exception {
        for (String region : List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2")) {
            S3Proxy proxy = startProxy(0, IDENTITY, CREDENTIAL);
            proxies.put(region, proxy);
            S3Client client = S3Client.builder()
                    .region(Region.of(region))
                    .endpointOverride(endpoint(region))
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
            clients.put(region, client);
            for (String bucket : BUCKETS.get(region)) {
                client.createBucket(request -> request.bucket(bucket));
            }
        }
    }

    /**
     * An S3Proxy on 127.0.0.1 ({@code port} 0: any free one) over an in-memory store, checking
     * SigV4 against this one key pair.
     */
    static S3Proxy startProxy(int port, String identity, String credential) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", identity);
        properties.setProperty("s3proxy.credential", credential);
        properties.setProperty("jclouds.provider", "transient");
        properties.setProperty("jclouds.identity", "");
        properties.setProperty("jclouds.credential", "");
        S3Proxy proxy = S3Proxy.Builder.fromProperties(properties)
                .blobStore(BlobStores.create("transient", properties))
                // Session tokens of temporary credentials are an "unknown header" to S3Proxy.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return proxy;
    }

    URI endpoint(String region) {
        return URI.create("http://127.0.0.1:" + proxies.get(region).getPort());
    }

    /** Every region's endpoint, in the form the handlers take. */
    String endpointSpec() {
        StringBuilder spec = new StringBuilder();
        proxies.keySet().forEach(region -> spec.append(spec.length() == 0 ? "" : ",").append(region).append('=')
                .append(endpoint(region)));
        return spec.toString();
    }

    /** A new blob of random bytes; returns its hex digest. */
    String newBlob(int size) throws Exception {
        byte[] content = new byte[size];
        random.nextBytes(content);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        blobs.put(digest, content);
        return digest;
    }

    private final Map<String, byte[]> blobs = new HashMap<>();

    /** Stores a blob made by {@link #newBlob} in the named buckets. */
    void store(String digest, String... buckets) {
        for (String bucket : buckets) {
            clientFor(bucket).putObject(request -> request.bucket(bucket).key(EventCorpus.blobKey(digest)),
                    RequestBody.fromBytes(blobs.get(digest)));
        }
    }

    static String regionOf(String bucket) {
        return BUCKETS.entrySet().stream().filter(e -> e.getValue().contains(bucket)).findFirst().orElseThrow().getKey();
    }

    /** A client for the S3 API of the region holding the bucket. */
    S3Client clientFor(String bucket) {
        return clients.get(regionOf(bucket));
    }

    /** Copies an object between buckets, across simulated regions, as replication would. */
    void replicate(String key, String fromBucket, String toBucket) {
        byte[] content = clientFor(fromBucket).getObjectAsBytes(request -> request.bucket(fromBucket).key(key)).asByteArray();
        clientFor(toBucket).putObject(request -> request.bucket(toBucket).key(key), RequestBody.fromBytes(content));
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        for (S3Proxy proxy : proxies.values()) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not stop", e);
            }
        }
    }
}
