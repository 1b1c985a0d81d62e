package dev.registryedge.handler.edge;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.Redirect;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.edge.node.JsRecord;
import dev.registryedge.handler.edge.node.NodeProcess;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.sigv4.S3Endpoints;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.function.Function;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;

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

    private final Router router;

    /**
     * A handler over Node's https for this configuration and map.
     *
     * @param environment reads a variable of the process environment, {@code null} when unset
     */
    public EdgeHandler(RoutingConfig config, RegionMap regions, Function<String, String> environment, Clock clock) {
        String sts = environment.apply(STS_ENDPOINT_VARIABLE);
        EdgeCredentials credentials = new EdgeCredentials(sts != null ? sts : "https://sts.amazonaws.com",
                config.presignValiditySeconds(), config.s3(), environment);
        NodeS3 s3 = new NodeS3(credentials, S3Endpoints.parse(environment.apply(S3_ENDPOINT_VARIABLE)), config.s3(),
                clock);
        router = new Router(config, regions, s3, s3, clock, new ConsoleLog());
    }

    /** The compiled-in configuration and map, the process environment and the system clock. */
    static EdgeHandler deployed() {
        return new EdgeHandler(RoutingTable.config(), AwsRegionMap.map(), NodeProcess::getenv, Clock.SYSTEM);
    }

    public JSObject handle(JSObject event) {
        JsRecord unchanged = null;
        try {
            JsRecord cf = cf(event);
            JsRecord request = cf == null ? null : JsRecord.record(cf.get("request"));
            // A response trigger gets its response back: a misassociated function must not turn
            // every response into an error.
            JsRecord response = cf == null ? null : JsRecord.record(cf.get("response"));
            unchanged = response != null ? response : request;
            ViewerRequest viewerRequest = request == null ? null : viewerRequest(cf, request);
            Decision decision = router.decide(viewerRequest);
            if (decision.outcome().redirects()) {
                return redirect(decision);
            }
        } catch (Throwable e) {
            // The router never throws; this guards the event handling around it.
            System.out.println("registry-edge: malformed event, letting CloudFront serve: " + e.getMessage());
        }
        return unchanged != null ? unchanged : JSObjects.create();
    }

    private static JsRecord cf(JSObject event) {
        JsRecord root = JsRecord.record(event);
        JsRecord records = root == null ? null : JsRecord.record(root.get("Records"));
        JsRecord first = records == null ? null : JsRecord.record(records.get("0"));
        return first == null ? null : JsRecord.record(first.get("cf"));
    }

    private static ViewerRequest viewerRequest(JsRecord cf, JsRecord request) {
        JsRecord config = JsRecord.record(cf.get("config"));
        String userAgent = null;
        JsRecord headers = JsRecord.record(request.get("headers"));
        JsRecord agents = headers == null ? null : JsRecord.record(headers.get("user-agent"));
        JsRecord firstAgent = agents == null ? null : JsRecord.record(agents.get("0"));
        if (firstAgent != null) {
            userAgent = JsRecord.text(firstAgent.get("value"));
        }
        return new ViewerRequest(config == null ? null : JsRecord.text(config.get("eventType")),
                config == null ? null : JsRecord.text(config.get("distributionId")),
                JsRecord.text(request.get("clientIp")), JsRecord.text(request.get("method")),
                JsRecord.text(request.get("uri")), userAgent);
    }

    private static JsRecord redirect(Decision decision) {
        JsRecord headers = JSObjects.create();
        for (Redirect.Header header : Redirect.headers(decision)) {
            JsRecord entry = JSObjects.create();
            entry.set("key", JSString.valueOf(header.key()));
            entry.set("value", JSString.valueOf(header.value()));
            JSArray<JSObject> values = new JSArray<>();
            values.push(entry);
            headers.set(header.name(), values);
        }
        JsRecord response = JSObjects.create();
        response.set("status", JSString.valueOf(Redirect.STATUS));
        response.set("statusDescription", JSString.valueOf(Redirect.STATUS_DESCRIPTION));
        response.set("headers", headers);
        return response;
    }

    /** Standard output becomes CloudWatch Logs in Lambda. */
    private static final class ConsoleLog implements DecisionLog {
        @Override
        public void decision(String json) {
            System.out.println(json);
        }

        @Override
        public void detail(String message) {
            System.out.println("registry-edge: " + message);
        }
    }
}
