package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.edge.node.NodeProcess;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.function.Function;
import org.teavm.jso.JSObject;

/**
 * Reads the CloudFront event as a JavaScript object, decides with the shared core, and answers
 * with CloudFront's own object unchanged (pass-through) or a new 307 response. Never throws.
 */
public final class EdgeHandler {

    /**
     * For tests and local runs only: Lambda@Edge cannot set environment variables, so in
     * production these are unset and AWS is used.
     */
    static final String S3_ENDPOINT_VARIABLE = "REGISTRY_EDGE_S3_ENDPOINT";
    static final String STS_ENDPOINT_VARIABLE = "REGISTRY_EDGE_STS_ENDPOINT";
    static final String SECRETS_ENDPOINT_VARIABLE = "REGISTRY_EDGE_SECRETS_ENDPOINT";

    private final Router router;

    /** A handler over any router: tests give it one with fakes. */
    public EdgeHandler(Router router) {
        this.router = router;
    }

    /**
     * A router that reaches S3, STS and Secrets Manager over Node's https for this configuration and map.
     *
     * @param environment reads a variable of the process environment, {@code null} when unset
     */
    public static Router nodeRouter(RoutingConfig config, RegionMap regions, Function<String, String> environment,
            Clock clock) {
        String sts = environment.apply(STS_ENDPOINT_VARIABLE);
        EdgeCredentials credentials = new EdgeCredentials(sts != null ? sts : "https://sts.amazonaws.com",
                environment.apply(SECRETS_ENDPOINT_VARIABLE), config.presignValiditySeconds(), config.s3(),
                environment, clock);
        NodeS3 s3 = new NodeS3(credentials, S3Endpoints.parse(environment.apply(S3_ENDPOINT_VARIABLE)), config.s3(),
                clock);
        return new Router(config, regions, s3, s3, clock, new NodeLog());
    }

    /** The compiled-in configuration and map, the process environment and the system clock. */
    static EdgeHandler deployed() {
        return new EdgeHandler(nodeRouter(RoutingTable.config(), AwsRegionMap.map(), NodeProcess::getenv, Clock.SYSTEM));
    }

    public JSObject handle(JSObject event) {
        return router.answer(event, JsEventTree.INSTANCE);
    }
}
