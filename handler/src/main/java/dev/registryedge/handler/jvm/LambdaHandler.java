package dev.registryedge.handler.jvm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.lookup.RegionMap;
import java.util.Map;

/**
 * The viewer-request handler for the Lambda Java runtime: returns the request unchanged
 * (CloudFront serves it) or a 307 response. Never throws.
 *
 * <p>The default constructor, which Lambda calls once per container, builds the router and its
 * AWS clients from the compiled-in configuration; requests then reuse them.
 */
public final class LambdaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Router router;

    public LambdaHandler() {
        this(router(AwsSettings.forLambda(RoutingTable.config()), new PrintStreamDecisionLog(System.out)));
    }

    public LambdaHandler(Router router) {
        this.router = router;
    }

    /** A router over the compiled-in map and the settings' configuration, reaching AWS as the settings say. */
    public static Router router(AwsSettings settings, DecisionLog log) {
        return router(settings, AwsRegionMap.map(), log);
    }

    /** A router over the given map and the settings' configuration, reaching AWS as the settings say. */
    public static Router router(AwsSettings settings, RegionMap regions, DecisionLog log) {
        AwsS3Access s3 = new AwsS3Access(settings);
        return new Router(settings.routing(), regions, s3, s3, settings.clock(), log);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return (Map<String, Object>) router.answer(event, MapEventTree.INSTANCE);
    }
}
