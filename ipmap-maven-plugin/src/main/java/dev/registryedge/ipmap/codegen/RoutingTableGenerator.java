package dev.registryedge.ipmap.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates the class that builds the validated routing configuration, so the function needs
 * no file or environment at run time. Targets and credentials become local variables shared
 * by the routes that use them, named {@code target...} and {@code credentials...} after them.
 */
public final class RoutingTableGenerator {

    private static final ClassName TARGET = ClassName.get(Target.class);
    private static final ClassName CREDENTIALS = ClassName.get(Credentials.class);
    private static final ClassName ROUTE = ClassName.get(Route.class);
    private static final ClassName DISTRIBUTION = ClassName.get(Distribution.class);
    private static final ClassName CONFIG = ClassName.get(RoutingConfig.class);

    private RoutingTableGenerator() {}

    /**
     * @param source the configuration file, named in the Javadoc
     */
    public static JavaFile generate(String packageName, String className, RoutingConfig config, String source) {
        Map<Target, String> targets = new LinkedHashMap<>();
        Map<Credentials, String> credentials = new LinkedHashMap<>();
        for (Distribution distribution : config.distributions().values()) {
            collect(distribution.home(), targets, credentials);
            distribution.routes().values().forEach(routes -> routes.forEach(r -> collect(r, targets, credentials)));
        }

        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(CONFIG);
        // Declared in name order so that the generated source reads like the configuration.
        credentials.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> declare(build, e));
        targets.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> declareTarget(build, e));
        ParameterizedTypeName distributionMap = ParameterizedTypeName.get(ClassName.get(Map.class),
                ClassName.get(String.class), DISTRIBUTION);
        build.addStatement("$T distributions = new $T<>()", distributionMap, LinkedHashMap.class);
        // In the configuration's order, which the command line lists distributions in.
        for (Distribution distribution : config.distributions().values()) {
            CodeBlock.Builder routes = CodeBlock.builder().add("$T.ofEntries(", Map.class).indent();
            List<String> regions = new ArrayList<>(distribution.routes().keySet());
            regions.sort(null);
            for (int i = 0; i < regions.size(); i++) {
                routes.add("\n$T.entry($S, $T.of(", Map.class, regions.get(i), List.class);
                List<Route> tried = distribution.routes().get(regions.get(i));
                for (int j = 0; j < tried.size(); j++) {
                    routes.add(j == 0 ? "$L" : ", $L", routeExpression(tried.get(j), targets, credentials));
                }
                routes.add(i + 1 < regions.size() ? "))," : "))");
            }
            routes.unindent().add(")");
            build.addStatement("distributions.put($S, new $T($S, $S, $L,\n        $L))", distribution.id(), DISTRIBUTION,
                    distribution.id(), distribution.name(), routeExpression(distribution.home(), targets, credentials),
                    routes.build());
        }
        S3Limits s3 = config.s3();
        CodeBlock networks = CodeBlock.builder().add("$T.of(", List.class)
                .add(CodeBlock.join(config.alwaysCloudFront().stream().map(n -> CodeBlock.of("$S", n)).toList(), ", "))
                .add(")").build();
        build.addStatement("return new $T($L, new $T($L, $L, $L), new $T($L, $L), $L, $L, distributions, $T.$L)",
                CONFIG, config.presignValiditySeconds(), S3Limits.class, s3.connectTimeoutMillis(),
                s3.requestTimeoutMillis(), s3.budgetMillis(), CacheLimits.class, config.existenceCache().maxEntries(),
                config.existenceCache().absentSeconds(), config.debugOverrides(), networks, MetricsDetail.class,
                config.metrics().name());

        TypeSpec type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The routing configuration compiled from {@code $L}: generated by ipmap-maven-plugin,"
                        + " do not edit.\n\n<p>$L distributions, $L targets.\n", source, config.distributions().size(),
                        targets.size())
                .addField(FieldSpec.builder(CONFIG, "CONFIG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("build()").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("config")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(CONFIG)
                        .addJavadoc("The validated configuration.\n")
                        .addStatement("return CONFIG")
                        .build())
                .addMethod(build.build())
                .build();
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }

    private static void declare(MethodSpec.Builder build, Map.Entry<Credentials, String> entry) {
        Credentials c = entry.getKey();
        if (c.readsSecret()) {
            build.addStatement("$T $L = $T.fromSecret($S, $S, $L)", CREDENTIALS, entry.getValue(), CREDENTIALS,
                    c.name(), c.secretArn(), c.cacheSeconds());
        } else {
            build.addStatement("$T $L = new $T($S, $S, $S, $L)", CREDENTIALS, entry.getValue(), CREDENTIALS, c.name(),
                    c.roleArn(), c.sessionName(), c.durationSeconds());
        }
    }

    private static void declareTarget(MethodSpec.Builder build, Map.Entry<Target, String> entry) {
        Target t = entry.getKey();
        build.addStatement("$T $L = new $T($S, $S, $S, $S, $L, $L)", TARGET, entry.getValue(), TARGET, t.name(),
                t.bucket(), t.region(), t.endpoint(), t.pathStyle(), t.checkExists());
    }


    private static void collect(Route route, Map<Target, String> targets, Map<Credentials, String> credentials) {
        targets.computeIfAbsent(route.target(), t -> variableName("target", t.name(), targets, credentials));
        if (!route.credentials().equals(Credentials.FUNCTION)) {
            credentials.computeIfAbsent(route.credentials(),
                    c -> variableName("credentials", c.name(), targets, credentials));
        }
    }

    /**
     * A Java identifier for a configuration name, in one namespace for targets and credentials:
     * target {@code appci-replica-us-east-2} becomes {@code targetAppciReplicaUsEast2}, credentials
     * {@code reader} become {@code credentialsReader}. The lower-case kind prefix keeps every
     * identifier apart from the imported types, from keywords, from {@code distributions} and
     * from each other; names that differ only in punctuation get a number.
     */
    static String variableName(String kind, String name, Map<Target, String> targets,
            Map<Credentials, String> credentials) {
        StringBuilder identifier = new StringBuilder(kind);
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                identifier.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String candidate = identifier.toString();
        for (int i = 2; targets.containsValue(candidate) || credentials.containsValue(candidate); i++) {
            candidate = identifier + "_" + i;
        }
        return candidate;
    }

    private static CodeBlock routeExpression(Route route, Map<Target, String> targets,
            Map<Credentials, String> credentials) {
        CodeBlock credentialsExpression = route.credentials().equals(Credentials.FUNCTION)
                ? CodeBlock.of("$T.FUNCTION", CREDENTIALS)
                : CodeBlock.of("$L", credentials.get(route.credentials()));
        return route.replica()
                ? CodeBlock.of("new $T($L, $L, true)", ROUTE, targets.get(route.target()), credentialsExpression)
                : CodeBlock.of("new $T($L, $L)", ROUTE, targets.get(route.target()), credentialsExpression);
    }
}
