package dev.registryedge.it;

import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.ipmap.lookup.IpLiteral;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded viewer-request events: every worked example of docs/configuration.md, then random mixes of known and
 * unknown distributions, client places, methods, paths, user agents, and broken shapes.
 */
final class EventCorpus {

    static final String[] DISTRIBUTIONS = {"E2KP8SMSY4XB67", "E2PBG0JIU6CTJY", "E1Q1256FT1FBYD", "E1PPY7S6SRDS9W",
        "E2B105Z8OCWZSC", "E2N1Y2UGVWY8LA", "E0000000000000"};
    static final String REPLICA_WEST2 = "us-west-2-replica-of-ci-dv2np-image-registry-us-east-1";
    static final String REPLICA_EAST2 = "us-east-2-replica-of-ci-dv2np-image-registry-us-east-1";
    static final String REPLICA_WEST1 = "us-west-1-replica-of-ci-dv2np-image-registry-us-east-1";

    private final Random random;
    private final Map<String, List<String>> addressesByRegion = new LinkedHashMap<>();
    private final List<String> digests = new ArrayList<>();
    /** "bucket/key" of blobs the replicas hold. */
    final Set<String> replicated = new HashSet<>();

    EventCorpus(long seed) {
        random = new Random(seed);
        for (String region : List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ap-northeast-2", "eu-west-1")) {
            addressesByRegion.put(region, new ArrayList<>());
        }
        while (addressesByRegion.values().stream().anyMatch(list -> list.size() < 5)) {
            String address = IpLiteral.formatIpv4(random.nextInt() & 0xffffffffL);
            List<String> list = addressesByRegion.get(AwsRegionMap.regionOf(address));
            if (list != null && list.size() < 5) {
                list.add(address);
            }
        }
        addressesByRegion.get("us-east-1").add("2600:1f18:4000::1");
        for (int i = 0; i < 40; i++) {
            String digest = hex(64);
            digests.add(digest);
            if (i % 2 == 0) {
                for (String replica : List.of(REPLICA_WEST2, REPLICA_EAST2, REPLICA_WEST1)) {
                    replicated.add(replica + "/" + blobKey(digest));
                }
            }
        }
    }

    private String hex(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    static String blobKey(String digest) {
        return "docker/registry/v2/blobs/sha256/" + digest.substring(0, 2) + "/" + digest + "/data";
    }

    static Map<String, Object> event(String distribution, String clientIp, String method, String uri, String userAgent) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("host", List.of(Map.of("key", "Host", "value", "d111111abcdef8.cloudfront.net")));
        if (userAgent != null) {
            headers.put("user-agent", List.of(Map.of("key", "User-Agent", "value", userAgent)));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clientIp", clientIp);
        request.put("headers", headers);
        request.put("method", method);
        request.put("querystring", "Expires=1683842210&Signature=abc~def__&Key-Pair-Id=K2SWMQXKFN57UD");
        request.put("uri", uri);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("distributionDomainName", "d111111abcdef8.cloudfront.net");
        config.put("distributionId", distribution);
        config.put("eventType", "viewer-request");
        return Map.of("Records", List.of(Map.of("cf", Map.of("config", config, "request", request))));
    }

    /** The worked examples of docs/configuration.md, with a replicated and an unreplicated blob where it matters. */
    List<Map<String, Object>> specRows() {
        String present = "/" + blobKey(digests.get(0));
        String absent = "/" + blobKey(digests.get(1));
        String east1 = "52.22.255.189";
        String east2 = addressesByRegion.get("us-east-2").get(0);
        return List.of(
                event("E2KP8SMSY4XB67", east1, "GET", present, null),
                event("E2PBG0JIU6CTJY", east1, "GET", present, null),
                event("E2PBG0JIU6CTJY", east2, "GET", present, null),
                event("E2PBG0JIU6CTJY", east2, "GET", absent, null),
                event("E2KP8SMSY4XB67", "35.80.0.1", "GET", present, null),
                event("E2KP8SMSY4XB67", "35.80.0.1", "GET", absent, null),
                event("E2KP8SMSY4XB67", "8.8.8.8", "GET", present, null),
                event("E2KP8SMSY4XB67", "108.156.178.3", "GET", present, null),
                event("E2KP8SMSY4XB67", east1, "GET", present, "debugregistry/cloudfront"),
                event("E2KP8SMSY4XB67", "8.8.8.8", "GET", present, "debugregistry/us-west-2"),
                event("E1Q1256FT1FBYD", "8.8.8.8", "GET", present, "debugregistry/local"),
                event("E2KP8SMSY4XB67", east1, "HEAD", present, null),
                event("E2KP8SMSY4XB67", east1, "GET", "/v2/ocp/4.11/manifests/latest", null),
                event("E2KP8SMSY4XB67", "2600:1f18:4000::1", "GET", present, null),
                event("E2KP8SMSY4XB67", "3.5.140.10", "GET", present, null),
                event("E0000000000000", east1, "GET", present, null),
                event("E2B105Z8OCWZSC", east1, "GET", present, null),
                event("E2KP8SMSY4XB67", "169.59.196.161", "GET", present, null));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /**
     * Random events; {@code faults} of them name blobs whose existence check fails, alternately
     * for app.ci clients in us-west-2 (nothing left after the replica: CloudFront) and build03
     * clients in us-east-2 (the farm's bucket after the replica). One in twenty of the others
     * comes from a trigger other than viewer request.
     */
    List<Map<String, Object>> random(int count, int faults) {
        List<String> hostileIps = List.of("0.0.0.0", "255.255.255.255", "::ffff:52.22.255.189", "fe80::1%eth0",
                "52.22.255.189 ", "", "not-an-ip", "52.022.255.189", "[2600:1f18::1]", "169.59.196.175", "::",
                "2600:1f18:4000::1");
        List<String> agents = List.of("containers/5.29.0", "debugregistry/cloudfront", "debugregistry/local",
                "debugregistry/us-west-2", "debugregistry/us-east-2", "debugregistry/us-west-1", "debugregistry/mars-1",
                "debugregistry-verbose", "Debugregistry/local", "curl/8.0");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String digest = i < faults ? "f" + (i % 3) + hex(62) : pick(digests);
            String blob = "/" + blobKey(digest);
            String uri = switch (random.nextInt(12)) {
                case 0 -> "/v2/ocp/release/manifests/sha256:" + digest;
                case 1 -> blob.replace("/data", "/data/");
                case 2 -> blob.replace("/sha256/", "/sha256/../sha256/");
                case 3 -> blob.replace("/" + digest.substring(0, 2) + "/", "/" + digest.substring(0, 2) + "%2f");
                case 4 -> blob.toUpperCase();
                case 5 -> "/" + blob;
                case 6 -> blob.substring(0, blob.length() - 10) + "/data";
                default -> blob;
            };
            String ip = random.nextInt(4) == 0 ? pick(hostileIps)
                    : pick(pick(new ArrayList<>(addressesByRegion.values())));
            String method = i < faults ? "GET" : pick(List.of("GET", "GET", "GET", "GET", "HEAD", "OPTIONS", "get"));
            String agent = i < faults ? null : random.nextInt(3) == 0 ? pick(agents) : null;
            boolean farm = i % 2 == 1;
            String distribution = i < faults ? (farm ? "E2PBG0JIU6CTJY" : "E2KP8SMSY4XB67") : pick(List.of(DISTRIBUTIONS));
            String faultyClient = addressesByRegion.get(farm ? "us-east-2" : "us-west-2").get(0);
            Map<String, Object> event = event(distribution, i < faults ? faultyClient : ip, method, uri, agent);
            if (i >= faults && random.nextInt(20) == 0) {
                event = otherTrigger(event, pick(List.of("origin-request", "viewer-response", "origin-response")));
            }
            events.add(i >= faults && random.nextInt(10) == 0 ? broken(event) : event);
        }
        return events;
    }

    /**
     * Events that must all be served by CloudFront: hostile client addresses with a real blob
     * path, hostile paths from an EC2 client, and shapes that leave out or garble what a
     * decision needs.
     */
    List<Map<String, Object>> hostile(int count) {
        List<String> ips = List.of("0.0.0.0", "255.255.255.255", "::ffff:52.22.255.189", "::ffff:3.12.0.1",
                "fe80::1%eth0", "2600:1f18:4000::1%0", "52.22.255.189 ", " 52.22.255.189", "52.22.255.189\n",
                "", "not-an-ip", "52.022.255.189", "[2600:1f18::1]", "169.59.196.160", "169.59.196.175",
                "52.22.255.189:443", "52.22.255", "52.22.255.189.1", "1e100.net", "::1", "127.0.0.1");
        String digest = digests.get(0);
        String blob = "/" + blobKey(digest);
        List<String> uris = List.of(
                blob.replace("/sha256/" + digest.substring(0, 2) + "/", "/sha256/" + digest.substring(0, 2) + "/../"
                        + digest.substring(0, 2) + "/"),
                blob.replace("/" + digest.substring(0, 2) + "/", "/" + digest.substring(0, 2) + "%2f"),
                blob.replace("/" + digest.substring(0, 2) + "/", "/" + digest.substring(0, 2) + "%2F"),
                blob.replace("/docker/", "//docker/"), blob.replace("/data", "//data"), blob + "/", blob + "?x=1",
                blob + "%00", blob + "#frag", blob.toUpperCase(), blob.replace(digest, digest.toUpperCase()),
                blob.replace(digest, digest.substring(0, 63)), blob.replace(digest, digest + "0"),
                blob.replace("/sha256/" + digest.substring(0, 2), "/sha256/00"), blob.replace("sha256", "sha512"),
                blob.replace("/data", "/link"), blob.substring(1), "/docker/registry/v2/repositories/x/_manifests/tags/"
                        + "latest/current/link", "/v2/ocp/4.11/manifests/latest", "/", "", "/docker/registry/v2/blobs/",
                blob.replace(digest.substring(10, 11), "g"), blob.replace("/docker", "/%64ocker"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String distribution = pick(List.of(DISTRIBUTIONS).subList(0, 6));
            Map<String, Object> event = switch (i % 4) {
                case 0 -> event(distribution, pick(ips), "GET", blob, null);
                case 1 -> event(distribution, "52.22.255.189", "GET", pick(uris), null);
                case 2 -> event(distribution, "52.22.255.189", "GET", pick(uris), "x".repeat(20_000 + random.nextInt(50_000)));
                default -> fatal(event(distribution, "52.22.255.189", "GET", blob, null));
            };
            events.add(event);
        }
        return events;
    }

    /** The event as a function associated with another trigger sees it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> otherTrigger(Map<String, Object> event, String eventType) {
        Map<String, Object> cf = new LinkedHashMap<>(
                (Map<String, Object>) ((List<Map<String, Object>>) event.get("Records")).get(0).get("cf"));
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) cf.get("config"));
        config.put("eventType", eventType);
        cf.put("config", config);
        if (eventType.endsWith("-response")) {
            cf.put("response", Map.of("status", "200", "statusDescription", "OK", "headers", Map.of()));
        }
        return Map.of("Records", List.of(Map.of("cf", cf)));
    }

    /** The event with a part a decision needs missing, of the wrong type, or cut short. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fatal(Map<String, Object> event) {
        Map<String, Object> cf = new LinkedHashMap<>(
                (Map<String, Object>) ((List<Map<String, Object>>) event.get("Records")).get(0).get("cf"));
        Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) cf.get("request"));
        switch (random.nextInt(9)) {
            case 0 -> request.remove("clientIp");
            case 1 -> request.put("clientIp", 42);
            case 2 -> request.put("clientIp", List.of("52.22.255.189"));
            case 3 -> request.put("uri", List.of("/docker"));
            case 4 -> request.remove("uri");
            case 5 -> cf.remove("config");
            case 6 -> cf.put("config", Map.of("distributionId", 7));
            case 7 -> request.put("method", null);
            default -> {
                return Map.of("Records", List.of(Map.of("cf", Map.of())));
            }
        }
        cf.put("request", request);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("cf", cf);
        return Map.of("Records", List.of(record));
    }

    /** The event with one part missing or of the wrong type. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> broken(Map<String, Object> event) {
        Map<String, Object> cf = new LinkedHashMap<>(
                (Map<String, Object>) ((List<Map<String, Object>>) event.get("Records")).get(0).get("cf"));
        Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) cf.get("request"));
        switch (random.nextInt(7)) {
            case 0 -> request.remove("clientIp");
            case 1 -> request.put("clientIp", 42);
            case 2 -> request.put("headers", "user-agent: debugregistry/local");
            case 3 -> request.put("headers", Map.of("user-agent", List.of()));
            case 4 -> request.put("uri", List.of("/docker"));
            case 5 -> cf.remove("config");
            default -> request.put("method", null);
        }
        cf.put("request", request);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("cf", cf);
        return Map.of("Records", List.of(record));
    }
}
