package dev.registryedge.cli.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least privilege a set of distributions needs, as IAM policy documents: the function's role
 * may read (s3:GetObject) every bucket it signs URLs for with its own keys, list (s3:ListBucket)
 * the ones it checks (without it S3 answers 403 for a missing blob, a failed check), assume the
 * roles the distributions name, read the Secrets Manager secrets that hold the keys of stores
 * outside AWS, and write logs in any region (Lambda@Edge logs where it ran); each assumed role
 * may read and list what is reached through it. Targets with an endpoint of their own are not on
 * AWS and need no IAM of their own. Output is sorted, so it diffs well.
 */
public final class IamPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> readByRole = new TreeMap<>();
    private final Map<String, Set<String>> listByRole = new TreeMap<>();
    private final Set<String> read = new TreeSet<>();
    private final Set<String> list = new TreeSet<>();
    private final Set<String> secrets = new TreeSet<>();

    private IamPolicies() {}

    /** The policies for these distributions of the configuration. */
    public static ObjectNode forDistributions(RoutingConfig config, Collection<String> distributionIds) {
        IamPolicies policies = new IamPolicies();
        for (String id : distributionIds) {
            Distribution distribution = config.distributions().get(id);
            if (distribution == null) {
                throw new IllegalArgumentException("distribution " + id + " is not in the routing configuration"
                        + " (it has " + config.distributions().keySet() + ")");
            }
            policies.add(distribution.home());
            distribution.routes().values().forEach(routes -> routes.forEach(policies::add));
        }
        return policies.document();
    }

    private void add(Route route) {
        Target target = route.target();
        if (route.credentials().readsSecret()) {
            secrets.add(route.credentials().secretArn());
        }
        if (target.endpoint() != null) {
            return;
        }
        String bucket = "arn:" + partition(target.region()) + ":s3:::" + target.bucket();
        boolean own = !route.credentials().assumesRole();
        (own ? read : readByRole.computeIfAbsent(route.credentials().roleArn(), k -> new TreeSet<>())).add(bucket + "/*");
        if (target.checkExists()) {
            (own ? list : listByRole.computeIfAbsent(route.credentials().roleArn(), k -> new TreeSet<>())).add(bucket);
        }
    }

    private static String partition(String region) {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private ObjectNode document() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode function = root.putObject("functionRole");
        ObjectNode trust = function.putObject("trustPolicy");
        trust.put("Version", "2012-10-17");
        ObjectNode assume = trust.putArray("Statement").addObject();
        assume.put("Effect", "Allow");
        assume.putObject("Principal").putArray("Service").add("edgelambda.amazonaws.com").add("lambda.amazonaws.com");
        assume.put("Action", "sts:AssumeRole");

        List<ObjectNode> statements = new ArrayList<>(blobStatements(read, list));
        Set<String> roles = new TreeSet<>(readByRole.keySet());
        roles.addAll(listByRole.keySet());
        if (!roles.isEmpty()) {
            statements.add(statement("AssumeReaderRoles", List.of("sts:AssumeRole"), roles));
        }
        if (!secrets.isEmpty()) {
            statements.add(statement("ReadStoreKeys", List.of("secretsmanager:GetSecretValue"), secrets));
        }
        statements.add(statement("WriteLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                "logs:PutLogEvents"), Set.of("arn:aws:logs:*:*:*")));
        function.set("permissionPolicy", policy(statements));

        ObjectNode assumed = root.putObject("assumedRoles");
        for (String role : roles) {
            assumed.putObject(role).set("permissionPolicy", policy(blobStatements(
                    readByRole.getOrDefault(role, Set.of()), listByRole.getOrDefault(role, Set.of()))));
        }
        return root;
    }

    private static List<ObjectNode> blobStatements(Set<String> objects, Set<String> buckets) {
        List<ObjectNode> statements = new ArrayList<>();
        if (!objects.isEmpty()) {
            statements.add(statement("ReadBlobs", List.of("s3:GetObject"), objects));
        }
        if (!buckets.isEmpty()) {
            statements.add(statement("CheckBlobs", List.of("s3:ListBucket"), buckets));
        }
        return statements;
    }

    private static ObjectNode policy(List<ObjectNode> statements) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode array = policy.putArray("Statement");
        statements.forEach(array::add);
        return policy;
    }

    private static ObjectNode statement(String sid, List<String> actions, Set<String> resources) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        ArrayNode resource = statement.putArray("Resource");
        new TreeSet<>(resources).forEach(resource::add);
        return statement;
    }
}
