package dev.registryedge.bench;

import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.DecisionLog;
import dev.registryedge.handler.core.Router;
import dev.registryedge.handler.core.UrlSigner;
import dev.registryedge.handler.core.ViewerRequest;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.jvm.AwsS3Access;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.S3Location;
import dev.registryedge.handler.sigv4.S3Presign;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Whole decisions of the JVM handler on the paths that need no network, sampled for percentiles. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    static final String BLOB = "/docker/registry/v2/blobs/sha256/25/"
            + "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce/data";
    static final ViewerRequest OUTSIDE_AWS = new ViewerRequest("E2KP8SMSY4XB67", "8.8.8.8", "GET", BLOB, "containers/5.29");
    static final ViewerRequest US_EAST_1 = new ViewerRequest("E2KP8SMSY4XB67", "52.22.255.189", "GET", BLOB,
            "containers/5.29");
    static final DecisionLog QUIET = new DecisionLog() {
        @Override
        public void decision(String json) {}

        @Override
        public void detail(String message) {}
    };

    private AwsS3Access sdk;
    private Router withSdk;
    private Router withPlainSigV4;

    @Setup
    public void setUp() {
        sdk = new AwsS3Access(new AwsSettings(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                "ASIABENCH", "secret", "token")), S3Endpoints.NONE, null, RoutingTable.config(), Clock.SYSTEM));
        withSdk = new Router(RoutingTable.config(), AwsRegionMap.map(), sdk, sdk, Clock.SYSTEM, QUIET);
        AwsKeys keys = new AwsKeys("ASIABENCH", "secret", "token", Long.MAX_VALUE);
        UrlSigner plain = (route, key, validity, deadline) -> S3Presign.get(keys, route.target().region(),
                S3Location.of(null, false, route.target().region(), route.target().bucket(), key), validity,
                System.currentTimeMillis());
        withPlainSigV4 = new Router(RoutingTable.config(), AwsRegionMap.map(), sdk, plain, Clock.SYSTEM, QUIET);
    }

    @TearDown
    public void tearDown() {
        sdk.close();
    }

    @Benchmark
    public Decision passThroughOutsideAws() {
        return withSdk.decide(OUTSIDE_AWS);
    }

    @Benchmark
    public Decision redirectWithSdkPresigner() {
        return withSdk.decide(US_EAST_1);
    }

    @Benchmark
    public Decision redirectWithPlainSigV4() {
        return withPlainSigV4.decide(US_EAST_1);
    }
}
