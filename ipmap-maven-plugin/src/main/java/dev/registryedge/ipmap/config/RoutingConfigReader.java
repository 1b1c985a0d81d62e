package dev.registryedge.ipmap.config;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.json.JsonObject;
import dev.registryedge.ipmap.json.Problems;
import dev.registryedge.ipmap.lookup.IpNetwork;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the routing configuration (docs/configuration.md lists its fields), checks it against the
 * regions of the snapshot and of the map, and resolves it: every distribution's routes come
 * out as the ordered targets to try per client region, replicas first, each with the
 * credentials it is reached with.
 */
public final class RoutingConfigReader {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    /** Prefixes and suffixes AWS reserves for its own names (access points, directory buckets, ...). */
    private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_BUCKET_SUFFIXES =
            List.of("-s3alias", "--ol-s3", "--x-s3", "--table-s3", ".mrap");
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:([^:]*):secretsmanager:[a-z]{2}(?:-[a-z]+)+-\\d:\\d{12}:secret:[\\w/+=.@-]{1,505}-[A-Za-z0-9]{6}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([^:]*):iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    /** The AWS partitions an IAM role can live in. */
    private static final List<String> PARTITIONS =
            List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern DISTRIBUTION_ID = Pattern.compile("[A-Z0-9]{8,20}");
    private static final Pattern ENDPOINT = Pattern.compile("(https?)://([A-Za-z0-9.-]+|\\[::1\\])(?::(\\d{1,10}))?/?");
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    /** Hosts that an {@code http://} endpoint may name: presigned URLs must not cross a network in clear text. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    /**
     * Names of targets, credentials and distributions: they become parts of Java identifiers in
     * the generated routing table and appear in logs and in the {@code x-registry-edge-route}
     * response header, so they are kept to lower-case ASCII.
     */
    /** The metrics' Distribution for ids the configuration lacks; the function's decision line uses it too. */
    static final String OTHER_DISTRIBUTIONS = "other";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final String NAME_RULE = "1-63 of lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";
    private static final Pattern SIGNING_REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /**
     * The most network waiting one request may do: the handler sets one deadline per request,
     * {@code budgetMillis} after it arrives, and cuts every call to it. Lambda@Edge ends a
     * viewer-request function at 5 s (CloudFront then answers the client with an error); the
     * other 2 s are for a cold start, CPU and timer lateness.
     */
    static final int MAX_S3_BUDGET_MILLIS = 3000;

    /** An upper bound for reading the numbers at all; the real limits are checked between them. */
    private static final int MAX_MILLIS = 60_000;

    private final Problems problems;
    private final Set<String> knownRegions;
    private final Collection<String> mapRegions;

    private RoutingConfigReader(Problems problems, Set<String> knownRegions, Collection<String> mapRegions) {
        this.problems = problems;
        this.knownRegions = knownRegions;
        this.mapRegions = mapRegions;
    }

    /**
     * @param source how to name the file in messages
     * @param knownRegions every region the snapshot names: targets must live in one of them
     * @param mapRegions the regions the map can answer: client regions must be among them
     * @throws InputException listing every problem found
     */
    public static RoutingConfig read(byte[] content, String source, Set<String> knownRegions,
            Collection<String> mapRegions) throws InputException {
        Problems problems = new Problems(source);
        RoutingConfig config = new RoutingConfigReader(problems, knownRegions, mapRegions)
                .read(JsonObject.parse(content, problems));
        problems.throwIfAny();
        return config;
    }

    private RoutingConfig read(JsonObject root) {
        root.allowOnly(Set.of("presignValiditySeconds", "s3", "existenceCache", "debugOverrides", "alwaysCloudFront",
                "metrics", "credentials", "targets", "replicas", "distributions"));
        int validity = root.optionalInt("presignValiditySeconds", 1200, 60, 604800);
        S3Limits limits = readLimits(root.optionalObject("s3"));
        CacheLimits cache = readCache(root.optionalObject("existenceCache"));
        boolean debugOverrides = root.optionalBoolean("debugOverrides", true);
        String metricsName = root.optionalString("metrics");
        MetricsDetail metrics = metricsName == null ? MetricsDetail.OUTCOME : MetricsDetail.ofConfigName(metricsName);
        if (metrics == null) {
            problems.add("metrics", "'" + metricsName + "' is not off, distribution or outcome");
            metrics = MetricsDetail.OUTCOME;
        }

        List<String> alwaysCloudFront = root.stringList("alwaysCloudFront");
        for (int i = 0; i < alwaysCloudFront.size(); i++) {
            try {
                IpNetwork.parse(alwaysCloudFront.get(i));
            } catch (IllegalArgumentException e) {
                problems.add("alwaysCloudFront[" + i + "]", e.getMessage());
            }
        }

        Map<String, Credentials> credentials = readCredentials(root, validity);
        Map<String, TargetEntry> targets = readTargets(root, credentials);
        Map<String, List<TargetEntry>> replicas = readReplicas(root, targets);
        Map<String, Distribution> distributions = readDistributions(root, targets, credentials, replicas);
        if (distributions.isEmpty() && problems.isEmpty()) {
            problems.add("distributions", "is empty: name at least one distribution");
        }
        return new RoutingConfig(validity, limits, cache, debugOverrides, alwaysCloudFront, distributions, metrics);
    }

    private CacheLimits readCache(JsonObject cache) {
        if (cache == null) {
            return CacheLimits.DEFAULT;
        }
        cache.allowOnly(Set.of("maxEntries", "absentSeconds"));
        // The edge has 128 MB; an entry costs a few hundred bytes.
        return new CacheLimits(cache.optionalInt("maxEntries", CacheLimits.DEFAULT.maxEntries(), 0, 200_000),
                cache.optionalInt("absentSeconds", CacheLimits.DEFAULT.absentSeconds(), 0, 900));
    }

    private S3Limits readLimits(JsonObject s3) {
        if (s3 == null) {
            return new S3Limits(300, 1000, 2000);
        }
        s3.allowOnly(Set.of("connectTimeoutMillis", "requestTimeoutMillis", "budgetMillis"));
        int connect = s3.optionalInt("connectTimeoutMillis", 300, 1, MAX_MILLIS);
        int request = s3.optionalInt("requestTimeoutMillis", 1000, 1, MAX_MILLIS);
        int budget = s3.optionalInt("budgetMillis", 2000, 1, MAX_MILLIS);
        // connectTimeoutMillis <= requestTimeoutMillis <= budgetMillis <= MAX_S3_BUDGET_MILLIS
        if (budget > MAX_S3_BUDGET_MILLIS) {
            problems.add(s3.pathOf("budgetMillis"), budget + " exceeds " + MAX_S3_BUDGET_MILLIS + ": all network calls of"
                    + " a request (AssumeRole, HeadObject, retries) must end within it, and Lambda@Edge ends the"
                    + " function at 5 s, of which 2 s are kept for a cold start, CPU and timer lateness; lower budgetMillis"
                    + " to at most " + MAX_S3_BUDGET_MILLIS);
        }
        if (request > budget) {
            problems.add(s3.pathOf("requestTimeoutMillis"), request + " exceeds budgetMillis " + budget
                    + ": one call cannot take longer than the whole request's budget; lower requestTimeoutMillis or raise"
                    + " budgetMillis (at most " + MAX_S3_BUDGET_MILLIS + ")");
        }
        if (connect > request) {
            problems.add(s3.pathOf("connectTimeoutMillis"), connect + " exceeds requestTimeoutMillis " + request
                    + ": opening the connection is part of the call; lower connectTimeoutMillis or raise"
                    + " requestTimeoutMillis");
        }
        return new S3Limits(connect, request, budget);
    }

    private Map<String, Credentials> readCredentials(JsonObject root, int validity) {
        Map<String, Credentials> sources = new LinkedHashMap<>();
        sources.put(Credentials.FUNCTION.name(), Credentials.FUNCTION);
        root.objectMembers("credentials").forEach((name, entry) -> {
            entry.allowOnly(Set.of("roleArn", "sessionName", "durationSeconds", "secretArn", "cacheSeconds"));
            checkName(entry.path(), name);
            if (name.equals(Credentials.FUNCTION.name())) {
                problems.add(entry.path(), "'function' is reserved for the function's own credentials");
                return;
            }
            if (entry.has("secretArn")) {
                sources.put(name, readSecret(name, entry));
                return;
            }
            String roleArn = entry.requiredString("roleArn");
            if (roleArn != null && headerSafe(entry.pathOf("roleArn"), roleArn)) {
                Matcher arn = ROLE_ARN.matcher(roleArn);
                if (!arn.matches()) {
                    problems.add(entry.pathOf("roleArn"), "'" + roleArn
                            + "' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<path and name>)");
                } else if (!PARTITIONS.contains(arn.group(1))) {
                    problems.add(entry.pathOf("roleArn"), "'" + roleArn + "' names partition '" + arn.group(1)
                            + "', which is not an AWS partition (one of " + String.join(", ", PARTITIONS) + ")");
                }
            }
            String session = entry.optionalString("sessionName");
            if (session == null) {
                session = "registry-edge";
            } else if (!headerSafe(entry.pathOf("sessionName"), session)) {
                // reported
            } else if (!SESSION_NAME.matcher(session).matches()) {
                problems.add(entry.pathOf("sessionName"), "'" + session
                        + "' is not a role session name (2-64 of letters, digits and +=,.@_-)");
            }
            int duration = entry.optionalInt("durationSeconds", 3600, 900, 43200);
            if (Credentials.minimumLifeSeconds(validity) > duration) {
                problems.add(entry.pathOf("durationSeconds"), duration + " s leaves no room to refresh credentials"
                        + " before URLs valid for presignValiditySeconds " + validity + " s would outlive them"
                        + " (needs at least " + Credentials.minimumLifeSeconds(validity) + ")");
            }
            sources.put(name, new Credentials(name, roleArn, session, duration));
        });
        return sources;
    }

    /**
     * A key pair kept in Secrets Manager: the secret's ARN (its region is where the function
     * asks) and how long an instance keeps the keys. Problems are reported; the source is still
     * defined, so that targets naming it are not reported too.
     */
    private Credentials readSecret(String name, JsonObject entry) {
        String secretArn = entry.requiredString("secretArn");
        int cacheSeconds = entry.optionalInt("cacheSeconds", Credentials.DEFAULT_SECRET_CACHE_SECONDS, 60, 86400);
        Credentials source = Credentials.fromSecret(name, secretArn == null ? "" : secretArn, cacheSeconds);
        if (entry.optionalString("roleArn") != null) {
            problems.add(entry.pathOf("secretArn"), "give roleArn or secretArn, not both");
        } else if (secretArn != null && headerSafe(entry.pathOf("secretArn"), secretArn)) {
            Matcher arn = SECRET_ARN.matcher(secretArn);
            if (!arn.matches()) {
                problems.add(entry.pathOf("secretArn"), "'" + secretArn + "' is not the full ARN of a Secrets Manager"
                        + " secret (arn:aws:secretsmanager:<region>:<12-digit account>:secret:<name>-<6 characters>,"
                        + " as the console and describe-secret show it)");
            } else if (!arn.group(1).equals("aws")) {
                problems.add(entry.pathOf("secretArn"), "'" + secretArn + "' names partition '" + arn.group(1)
                        + "': Lambda@Edge runs in the aws partition only, and cannot read it");
            }
        }
        return source;
    }

    /** A target with the credentials it names itself, if any. */
    private record TargetEntry(Target target, Credentials credentials) {}

    private Map<String, TargetEntry> readTargets(JsonObject root, Map<String, Credentials> credentials) {
        Map<String, TargetEntry> targets = new LinkedHashMap<>();
        root.objectMembers("targets").forEach((name, entry) -> {
            entry.allowOnly(Set.of("bucket", "region", "endpoint", "pathStyle", "checkExists", "credentials"));
            checkName(entry.path(), name);
            String bucket = entry.requiredString("bucket");
            if (bucket != null && headerSafe(entry.pathOf("bucket"), bucket)) {
                checkBucket(entry.pathOf("bucket"), bucket);
            }
            String endpoint = entry.optionalString("endpoint");
            if (endpoint != null && headerSafe(entry.pathOf("endpoint"), endpoint)) {
                checkEndpoint(entry.pathOf("endpoint"), endpoint);
            }
            String region = entry.requiredString("region");
            if (region != null && headerSafe(entry.pathOf("region"), region)) {
                if (endpoint == null) {
                    checkKnownRegion(entry.pathOf("region"), region, "a region in the snapshot");
                } else if (!SIGNING_REGION.matcher(region).matches()) {
                    problems.add(entry.pathOf("region"), "'" + region + "' is not a signing region name (1-64 letters,"
                            + " digits, '-' and '_', starting with a letter or digit, e.g. auto)");
                }
            }
            boolean pathStyle = entry.optionalBoolean("pathStyle", endpoint != null);
            boolean checkExists = entry.optionalBoolean("checkExists", false);
            String credentialsName = entry.optionalString("credentials");
            Credentials source = credentialsName == null ? null : credentials.get(credentialsName);
            if (credentialsName != null && source == null) {
                problems.add(entry.pathOf("credentials"), "'" + credentialsName + "' is not defined under credentials");
            }
            targets.put(name, new TargetEntry(new Target(name, bucket, region, endpoint, pathStyle, checkExists), source));
        });
        return targets;
    }

    private void checkName(String path, String name) {
        if (!NAME.matcher(name).matches()) {
            problems.add(path, Problems.quote(name) + " is not a valid name (" + NAME_RULE + "): names become Java"
                    + " identifiers and go into log lines and the x-registry-edge-route response header");
        }
    }

    /**
     * Whether a value that ends up in an HTTP header or request line at run time (signed
     * headers, the STS query, the host) holds printable ASCII only; records a problem if not.
     * A CR or LF there would split the header; CloudFront and Node refuse such requests.
     */
    private boolean headerSafe(String path, String value) {
        if (Problems.isPrintableAscii(value)) {
            return true;
        }
        problems.add(path, Problems.quote(value) + " contains a control character or a character outside ASCII,"
                + " which cannot go into an HTTP request: use printable ASCII only");
        return false;
    }

    private void checkBucket(String path, String bucket) {
        String reason = null;
        if (!BUCKET.matcher(bucket).matches()) {
            problems.add(path, "'" + bucket + "' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots"
                    + " and hyphens, starting and ending with a letter or digit)");
            return;
        } else if (bucket.contains("..")) {
            reason = "two dots in a row";
        } else if (bucket.contains(".-") || bucket.contains("-.")) {
            reason = "a dot next to a hyphen";
        } else if (IP_LIKE.matcher(bucket).matches()) {
            reason = "it is formatted as an IP address";
        } else {
            for (String prefix : RESERVED_BUCKET_PREFIXES) {
                if (bucket.startsWith(prefix)) {
                    reason = "the prefix '" + prefix + "' is reserved by AWS";
                }
            }
            for (String suffix : RESERVED_BUCKET_SUFFIXES) {
                if (bucket.endsWith(suffix)) {
                    reason = "the suffix '" + suffix + "' is reserved by AWS (access point aliases, directory and"
                            + " table buckets, Multi-Region Access Points)";
                }
            }
        }
        if (reason != null) {
            problems.add(path, "'" + bucket + "' is not a valid S3 bucket name: " + reason);
        }
    }

    private void checkEndpoint(String path, String endpoint) {
        Matcher url = ENDPOINT.matcher(endpoint);
        if (!url.matches() || !(url.group(2).equals("[::1]") || HOST_NAME.matcher(url.group(2)).matches())) {
            problems.add(path, "'" + endpoint + "' is not an http(s)://host[:port] URL");
            return;
        }
        if (url.group(3) != null) {
            long port = Long.parseLong(url.group(3));
            if (port < 1 || port > 65535) {
                problems.add(path, "'" + endpoint + "' has port " + url.group(3) + ", outside 1..65535");
            }
        }
        if (url.group(1).equals("http") && !LOOPBACK.contains(url.group(2).toLowerCase(Locale.ROOT))) {
            problems.add(path, "'" + endpoint + "' would send presigned URLs, and the keys' signatures, in clear text:"
                    + " use https:// (http:// is allowed only for 127.0.0.1, localhost and [::1], for tests)");
        }
    }

    private Map<String, List<TargetEntry>> readReplicas(JsonObject root, Map<String, TargetEntry> targets) {
        Map<String, List<TargetEntry>> replicas = new LinkedHashMap<>();
        root.stringListMembers("replicas").forEach((region, names) -> {
            String path = root.pathOf("replicas") + "." + region;
            checkMapRegion(path, region);
            List<TargetEntry> entries = resolveTargets(path, names, targets);
            for (int i = 0; i < entries.size(); i++) {
                if (!entries.get(i).target().checkExists()) {
                    problems.add(path + "[" + i + "]", "'" + entries.get(i).target().name()
                            + "' must have checkExists true: a replica may not hold the blob yet");
                }
            }
            replicas.put(region, entries);
        });
        return replicas;
    }

    private Map<String, Distribution> readDistributions(JsonObject root, Map<String, TargetEntry> targets,
            Map<String, Credentials> credentials, Map<String, List<TargetEntry>> replicas) {
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        root.objectMembers("distributions").forEach((id, entry) -> {
            entry.allowOnly(Set.of("name", "home", "replicaCredentials", "routes"));
            if (!DISTRIBUTION_ID.matcher(id).matches()) {
                problems.add(entry.path(), "'" + id + "' is not a CloudFront distribution id (upper-case letters and digits)");
            }
            String name = entry.optionalString("name");
            if (name != null) {
                checkName(entry.pathOf("name"), name);
                if (name.equals(OTHER_DISTRIBUTIONS)) {
                    problems.add(entry.pathOf("name"), "'" + name + "' is what the metrics call every distribution"
                            + " the configuration lacks: choose another name");
                }
            }
            String replicaCredentialsName = entry.optionalString("replicaCredentials");
            Credentials replicaCredentials = replicaCredentialsName == null ? null : credentials.get(replicaCredentialsName);
            if (replicaCredentialsName != null && replicaCredentials == null) {
                problems.add(entry.pathOf("replicaCredentials"), "'" + replicaCredentialsName
                        + "' is not defined under credentials");
            }

            Map<String, List<TargetEntry>> own = new LinkedHashMap<>();
            entry.stringListMembers("routes").forEach((region, names) -> {
                String path = entry.pathOf("routes") + "." + region;
                checkMapRegion(path, region);
                own.put(region, resolveTargets(path, names, targets));
            });

            Map<String, List<Route>> routes = new LinkedHashMap<>();
            for (String region : union(replicas.keySet(), own.keySet())) {
                List<Route> tried = new ArrayList<>();
                for (TargetEntry replica : replicas.getOrDefault(region, List.of())) {
                    tried.add(route(replica, replicaCredentials, true));
                }
                for (TargetEntry target : own.getOrDefault(region, List.of())) {
                    tried.add(route(target, null, false));
                }
                routes.put(region, List.copyOf(tried));
            }

            String homeName = entry.optionalString("home");
            Route home = null;
            if (homeName != null) {
                TargetEntry target = targets.get(homeName);
                if (target == null) {
                    problems.add(entry.pathOf("home"), "'" + homeName + "' is not defined under targets");
                } else {
                    home = route(target, null, false);
                }
            } else if (!own.getOrDefault("us-east-1", List.of()).isEmpty()) {
                home = route(own.get("us-east-1").get(0), null, false);
            } else {
                problems.add(entry.pathOf("home"), "is missing and routes.us-east-1 names no target to default to");
            }
            distributions.put(id, new Distribution(id, name == null ? id : name, home, routes));
        });
        return distributions;
    }

    private static Route route(TargetEntry entry, Credentials override, boolean replica) {
        Credentials credentials = override != null ? override
                : entry.credentials() != null ? entry.credentials() : Credentials.FUNCTION;
        return new Route(entry.target(), credentials, replica);
    }

    private List<TargetEntry> resolveTargets(String path, List<String> names, Map<String, TargetEntry> targets) {
        List<TargetEntry> resolved = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(path, "is empty: name at least one target, or leave the region out");
        }
        for (int i = 0; i < names.size(); i++) {
            TargetEntry target = targets.get(names.get(i));
            if (target == null) {
                problems.add(path + "[" + i + "]", "'" + names.get(i) + "' is not defined under targets");
            } else {
                resolved.add(target);
            }
        }
        return resolved;
    }

    private void checkKnownRegion(String path, String region, String what) {
        if (!knownRegions.contains(region)) {
            problems.add(path, "'" + region + "' is not " + what + suggestion(region, knownRegions));
        }
    }

    private void checkMapRegion(String path, String region) {
        if (!knownRegions.contains(region)) {
            checkKnownRegion(path, region, "a region in the snapshot");
        } else if (!mapRegions.contains(region)) {
            problems.add(path, "'" + region + "' has no prefixes in the map, so no client is ever placed there"
                    + " (widen the plugin's regions or services filter)");
        }
    }

    private static List<String> union(Collection<String> first, Collection<String> second) {
        List<String> all = new ArrayList<>(first);
        second.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all;
    }

    /** " (did you mean us-east-1?)" for a near miss, else nothing; ties go to the first in name order. */
    static String suggestion(String value, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(candidates)) {
            int distance = editDistance(value, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
