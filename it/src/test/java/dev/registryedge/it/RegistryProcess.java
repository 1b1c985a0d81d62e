package dev.registryedge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1, storing in an S3Proxy bucket and
 * answering blob requests with CloudFront-signed redirects to a stand-in.
 */
final class RegistryProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    RegistryProcess(Path work, String name, URI s3Endpoint, String bucket, Path privateKey, String cloudFrontBaseUrl)
            throws Exception {
        port = freePort();
        Path config = work.resolve(name + ".yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                storage:
                  s3:
                    accesskey: %s
                    secretkey: %s
                    region: us-east-1
                    regionendpoint: %s
                    bucket: %s
                    secure: false
                    v4auth: true
                  delete:
                    enabled: true
                  maintenance:
                    uploadpurging:
                      enabled: false
                http:
                  addr: 127.0.0.1:%d
                  secret: registry-edge-e2e
                middleware:
                  storage:
                    - name: cloudfront
                      options:
                        baseurl: %s
                        privatekey: %s
                        keypairid: %s
                        duration: 600s
                """.formatted(S3World.IDENTITY, S3World.CREDENTIAL, s3Endpoint, bucket, port, cloudFrontBaseUrl,
                privateKey, CloudFrontKeys.KEY_PAIR_ID));
        ProcessBuilder builder = new ProcessBuilder(E2eTools.find("docker-registry"), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        // The registry's AWS session panics on AWS_CA_BUNDLE; it needs none of the AWS_* variables.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_"));
        process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(url() + "/v2/")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("docker-registry did not start; see " + work.resolve(name + ".log"));
            }
            Thread.onSpinWait();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String hostPort() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
