package dev.registryedge.cli.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamPoliciesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCheckedInConfigurationNeedsWhatWasWrittenOutByHand() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/policy/checked-in.json")) {
            expected = JSON.readTree(in);
        }
        assertEquals(expected, IamPolicies.forDistributions(FixtureRouting.config(),
                FixtureRouting.config().distributions().keySet()));
    }

    @Test
    void aTargetOffAwsNeedsNoIamAndOtherPartitionsAreNamed() {
        Route r2 = new Route(new Target("r2", "cache", "auto", "https://account.r2.example.com", true, true),
                Credentials.FUNCTION);
        Route china = new Route(new Target("cn", "cn-bucket", "cn-north-1", null, false, false), Credentials.FUNCTION);
        Distribution farm = new Distribution("EFARM", "farm", china, Map.of("us-west-2", List.of(r2, china)));
        RoutingConfig config = new RoutingConfig(1200, new S3Limits(300, 1000, 2000), CacheLimits.DEFAULT, true,
                List.of(), Map.of("EFARM", farm));
        JsonNode policy = IamPolicies.forDistributions(config, List.of("EFARM"));
        JsonNode statements = policy.at("/functionRole/permissionPolicy/Statement");
        assertEquals(2, statements.size(), statements.toString());
        assertEquals("[\"arn:aws-cn:s3:::cn-bucket/*\"]", statements.get(0).get("Resource").toString());
        assertEquals("WriteLogs", statements.get(1).get("Sid").asText());
    }

    @Test
    void aStoreWhoseKeysAreInSecretsManagerNeedsToReadExactlyThatSecret() {
        String secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:r2-cache-keys-AbCdEf";
        Route r2 = new Route(new Target("r2", "cache", "auto", "https://account.r2.example.com", true, true),
                Credentials.fromSecret("r2-keys", secret, 3600));
        Route bucket = new Route(new Target("farm", "farm-bucket", "us-east-1", null, false, false),
                Credentials.FUNCTION);
        Distribution farm = new Distribution("EFARM", "farm", bucket, Map.of("us-east-1", List.of(r2, bucket)));
        RoutingConfig config = new RoutingConfig(1200, new S3Limits(300, 1000, 2000), CacheLimits.DEFAULT, true,
                List.of(), Map.of("EFARM", farm));
        JsonNode statements = IamPolicies.forDistributions(config, List.of("EFARM"))
                .at("/functionRole/permissionPolicy/Statement");
        assertEquals("ReadStoreKeys", statements.get(1).get("Sid").asText(), statements.toString());
        assertEquals("[\"secretsmanager:GetSecretValue\"]", statements.get(1).get("Action").toString());
        assertEquals("[\"" + secret + "\"]", statements.get(1).get("Resource").toString());
    }
}
