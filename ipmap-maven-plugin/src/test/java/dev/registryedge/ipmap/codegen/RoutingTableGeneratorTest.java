package dev.registryedge.ipmap.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.registryedge.ipmap.config.RoutingConfigReader;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import dev.registryedge.ipmap.testing.Compiler;
import dev.registryedge.ipmap.testing.Snapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTableGeneratorTest {

    private static final Set<String> REGIONS = Set.of("us-east-1", "us-east-2", "us-west-2");

    /**
     * Names that, turned into identifiers naively, clash: with each other (a target and
     * credentials both called "list"; "a-b", "a.b" and "a_b"), with the imported types, with
     * keywords, or with the generated method's own variable.
     */
    private static final String TRICKY = """
            {"credentials": {"list": {"roleArn": "arn:aws:iam::123456789012:role/list"},
                             "a-b": {"roleArn": "arn:aws:iam::123456789012:role/ab"}},
             "targets": {
               "list": {"bucket": "bucket-list", "region": "us-east-1", "credentials": "list"},
               "credentials": {"bucket": "bucket-credentials", "region": "us-east-1"},
               "map": {"bucket": "bucket-map", "region": "us-east-2", "checkExists": true, "credentials": "a-b"},
               "distributions": {"bucket": "bucket-distributions", "region": "us-east-2"},
               "int": {"bucket": "bucket-int", "region": "us-west-2"},
               "a-b": {"bucket": "bucket-a-b", "region": "us-west-2"},
               "a.b": {"bucket": "bucket-a.b", "region": "us-west-2"},
               "a_b": {"bucket": "bucket-a-b-c", "region": "us-west-2"},
               "9lives": {"bucket": "bucket-nine", "region": "us-west-2"}
             },
             "replicas": {"us-east-2": ["map"]},
             "distributions": {"E2KP8SMSY4XB67": {"name": "farm.one", "home": "list", "routes": {
               "us-east-1": ["list", "credentials"], "us-east-2": ["distributions"],
               "us-west-2": ["int", "a-b", "a.b", "a_b", "9lives"]}}}}
            """;

    private static RoutingConfig tricky() throws Exception {
        return RoutingConfigReader.read(Snapshots.bytes(TRICKY), "routing.json", REGIONS, REGIONS);
    }

    @Test
    @DisplayName("names that clash as naive identifiers get one namespace of their own")
    void generatesDistinctIdentifiersForClashingNames() throws Exception {
        String source = RoutingTableGenerator.generate("farm.edge", "FarmRouting", tricky(), "routing.json").toString();

        String build = source.substring(source.indexOf("    private static RoutingConfig build() {"));
        assertEquals("""
                    private static RoutingConfig build() {
                        Credentials credentialsAB = new Credentials("a-b", "arn:aws:iam::123456789012:role/ab", "registry-edge", 3600);
                        Credentials credentialsList = new Credentials("list", "arn:aws:iam::123456789012:role/list", "registry-edge", 3600);
                        Target target9lives = new Target("9lives", "bucket-nine", "us-west-2", null, false, false);
                        Target targetAB = new Target("a-b", "bucket-a-b", "us-west-2", null, false, false);
                        Target targetAB_2 = new Target("a.b", "bucket-a.b", "us-west-2", null, false, false);
                        Target targetAB_3 = new Target("a_b", "bucket-a-b-c", "us-west-2", null, false, false);
                        Target targetCredentials = new Target("credentials", "bucket-credentials", "us-east-1", null, false, false);
                        Target targetDistributions = new Target("distributions", "bucket-distributions", "us-east-2", null, false, false);
                        Target targetInt = new Target("int", "bucket-int", "us-west-2", null, false, false);
                        Target targetList = new Target("list", "bucket-list", "us-east-1", null, false, false);
                        Target targetMap = new Target("map", "bucket-map", "us-east-2", null, false, true);
                        Map<String, Distribution> distributions = new LinkedHashMap<>();
                        distributions.put("E2KP8SMSY4XB67", new Distribution("E2KP8SMSY4XB67", "farm.one", new Route(targetList, credentialsList),
                                        Map.ofEntries(
                                    Map.entry("us-east-1", List.of(new Route(targetList, credentialsList), new Route(targetCredentials, Credentials.FUNCTION))),
                                    Map.entry("us-east-2", List.of(new Route(targetMap, credentialsAB, true), new Route(targetDistributions, Credentials.FUNCTION))),
                                    Map.entry("us-west-2", List.of(new Route(targetInt, Credentials.FUNCTION), new Route(targetAB, Credentials.FUNCTION), new Route(targetAB_2, Credentials.FUNCTION), new Route(targetAB_3, Credentials.FUNCTION), new Route(target9lives, Credentials.FUNCTION))))));
                        return new RoutingConfig(1200, new S3Limits(300, 1000, 2000), new CacheLimits(20000, 30), true, List.of(), distributions, MetricsDetail.OUTCOME);
                    }
                }
                """, build);
    }

    @Test
    void theGeneratedTableCompilesAndHoldsTheConfiguration(@TempDir Path work) throws Exception {
        RoutingConfig config = tricky();
        JavaFile file = RoutingTableGenerator.generate("farm.edge", "FarmRouting", config, "routing.json");

        Class<?> generated = Compiler.compile(work, file).loadClass("farm.edge.FarmRouting");

        RoutingConfig compiled = (RoutingConfig) generated.getMethod("config").invoke(null);
        assertEquals(config, compiled);
        Distribution farm = compiled.distributions().get("E2KP8SMSY4XB67");
        assertEquals(List.of("int", "a-b", "a.b", "a_b", "9lives"),
                farm.routesFor("us-west-2").stream().map(r -> r.target().name()).toList());
        Route replica = farm.routesFor("us-east-2").get(0);
        assertEquals("map", replica.target().name());
        assertEquals("a-b", replica.credentials().name());
        assertEquals("list", farm.home().credentials().name());
    }

    @Test
    @DisplayName("a routing class may share its simple name with a model type")
    void aClassNamedLikeAModelTypeCompiles(@TempDir Path work) throws Exception {
        JavaFile file = RoutingTableGenerator.generate("farm.edge", "Target", tricky(), "routing.json");
        Class<?> generated = Compiler.compile(work, file).loadClass("farm.edge.Target");
        assertTrue(generated.getMethod("config").invoke(null) instanceof RoutingConfig);
    }

    @Test
    @DisplayName("even names the reader refuses (List, Credentials, Map) would not clash with the imports")
    void namesLikeTheImportedTypesCompile(@TempDir Path work) throws Exception {
        Credentials credentials = new Credentials("Credentials", "arn:aws:iam::123456789012:role/x", "edge", 3600);
        Target list = new Target("List", "bucket-one", "us-east-1", null, false, false);
        Target map = new Target("Map", "bucket-two", "us-east-1", null, false, true);
        Distribution distribution = new Distribution("E2KP8SMSY4XB67", "farm", new Route(list, credentials),
                Map.of("us-east-1", List.of(new Route(map, Credentials.FUNCTION), new Route(list, credentials))));
        RoutingConfig config = new RoutingConfig(1200, new S3Limits(300, 1000, 2000), CacheLimits.DEFAULT, true,
                List.of(), Map.of("E2KP8SMSY4XB67", distribution));
        JavaFile file = RoutingTableGenerator.generate("farm.edge", "FarmRouting", config, "routing.json");

        Class<?> generated = Compiler.compile(work, file).loadClass("farm.edge.FarmRouting");

        assertEquals(config, generated.getMethod("config").invoke(null));
        assertTrue(file.toString().contains("        Target targetList = new Target(\"List\", "), file.toString());
    }
}
