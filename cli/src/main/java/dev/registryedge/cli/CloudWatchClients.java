package dev.registryedge.cli;

import dev.registryedge.cli.deploy.Fleet;
import dev.registryedge.cli.metrics.FleetMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch clients for {@code metrics} and a canary's bake: one per account and region, each
 * account reached once (its role assumed) on first use, every call bounded like the operating
 * commands' calls; all closed together.
 */
final class CloudWatchClients implements FleetMetrics.Clients, AutoCloseable {

    private final OperateCommands.Target target;
    private final DefaultCredentialsProvider caller = DefaultCredentialsProvider.builder().build();
    private final Map<String, OperateCommands.Target.Reached> reached = new ConcurrentHashMap<>();
    private final Map<String, CloudWatchClient> clients = new ConcurrentHashMap<>();

    CloudWatchClients(OperateCommands.Target target) {
        this.target = target;
    }

    @Override
    public CloudWatchClient in(Fleet.Account account, String region) {
        return clients.computeIfAbsent(account.id() + " " + region, key -> CloudWatchClient.builder()
                .region(Region.of(region))
                .credentialsProvider(reached.computeIfAbsent(String.valueOf(account.id()),
                        id -> target.reach(account, caller)).credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(target::bounded).build());
    }

    @Override
    public void close() {
        clients.values().forEach(CloudWatchClient::close);
        reached.values().forEach(r -> r.opened().forEach(OperateCommands::closeQuietly));
        caller.close();
    }
}
