package dev.registryedge.ipmap.mojo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.ranges.Selection;
import dev.registryedge.ipmap.testing.Snapshots;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpMapGeneratorTest {

    private static final String OLD = Snapshots.document("1700000000", "2023-11-14-22-13-20",
            "52.20.0.0/14 us-east-1 EC2", "35.80.0.0/12 us-west-2 EC2", "2600:1f18::/33 us-east-1 EC2");
    private static final String NEW = Snapshots.document("1700086400", "2023-11-15-22-13-20",
            "52.20.0.0/14 us-east-1 EC2", "35.80.0.0/13 us-west-2 EC2", "3.5.140.0/22 ap-northeast-2 EC2",
            "2600:1f18::/32 us-east-1 EC2");
    private static final String ROUTING = """
            {"targets": {"home": {"bucket": "farm-bucket", "region": "us-east-1"}},
             "distributions": {"E2KP8SMSY4XB67": {"routes": {"us-east-1": ["home"]}}}}
            """;

    @TempDir
    Path work;

    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    private final BuildLog log = new BuildLog() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @BeforeEach
    void serveDocumentsOnLoopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/new.json", 200, NEW);
        serve("/garbage.json", 200, "{\"syncToken\": \"1\", \"createDate\": \"x\", \"prefixes\": 5}");
        serve("/missing.json", 404, "not here");
        serve("/huge-token.json", 200, NEW.replace("1700086400", "9999999999999999999"));
        server.createContext("/stall.json", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/stall-mid-body.json", exchange -> {
            byte[] bytes = Snapshots.bytes(NEW);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private void serve(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = Snapshots.bytes(body);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private GenerateRequest request(URI refreshFrom, Path routing) throws IOException {
        Path snapshot = work.resolve("ip-ranges.json");
        if (!Files.exists(snapshot)) {
            Files.writeString(snapshot, OLD);
        }
        return GenerateRequest.builder(snapshot, work.resolve("generated")).routingConfig(routing)
                .packageName("farm.ipmap").classNames("FarmRegions", "FarmRouting").refreshFrom(refreshFrom)
                .timeouts(Duration.ofMillis(500), Duration.ofMillis(700)).now(LocalDateTime.of(2023, 11, 20, 0, 0))
                .build();
    }

    private Path routing(String json) throws IOException {
        return Files.writeString(work.resolve("routing.json"), json);
    }

    @Test
    void generatesBothClassesFromTheFiles() throws Exception {
        IpMapGenerator.Result result = new IpMapGenerator(log).run(request(null, routing(ROUTING)));

        assertTrue(Files.readString(work.resolve("generated/farm/ipmap/FarmRegions.java")).contains("syncToken} 1700000000"));
        assertTrue(Files.readString(work.resolve("generated/farm/ipmap/FarmRouting.java")).contains("\"farm-bucket\""));
        assertEquals(2, result.written().size());
        assertTrue(infos.get(infos.size() - 1).startsWith("IP map farm.ipmap.FarmRegions: 2 IPv4 prefixes in 5 intervals,"
                + " 1 IPv6 prefixes in 3 intervals, 2 regions, snapshot 1700000000 (2023-11-14-22-13-20); routing for 1"
                + " distributions; 2 file(s) written in "), infos.toString());
        assertEquals(List.of(), warnings);
    }

    @Test
    void leavesUnchangedSourcesUntouched() throws Exception {
        new IpMapGenerator(log).run(request(null, null));
        Path source = work.resolve("generated/farm/ipmap/FarmRegions.java");
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(0));

        IpMapGenerator.Result again = new IpMapGenerator(log).run(request(null, null));

        assertEquals(List.of(), again.written());
        assertEquals(0, Files.getLastModifiedTime(source).toMillis());
    }

    @Test
    @DisplayName("a refresh prints what changed per region, replaces the snapshot and regenerates")
    void refreshDescribesChangesAndReplacesTheSnapshot() throws Exception {
        new IpMapGenerator(log).run(request(url("/new.json"), routing(ROUTING)).toBuilder().acceptLargeChange(true).build());

        assertEquals(NEW, Files.readString(work.resolve("ip-ranges.json")));
        assertTrue(Files.readString(work.resolve("generated/farm/ipmap/FarmRegions.java")).contains("syncToken} 1700086400"));
        assertTrue(infos.contains("  syncToken 1700000000 -> 1700086400 (createDate 2023-11-14-22-13-20 -> 2023-11-15-22-13-20)"),
                infos.toString());
        assertTrue(infos.contains("  ap-northeast-2   prefixes +1 -0, IPv4 addresses +1024 -0"), infos.toString());
        assertTrue(infos.contains("  us-east-1        prefixes +1 -1, IPv6 /64s +2147483648 -0"), infos.toString());
        assertTrue(infos.contains("  us-west-2        prefixes +1 -1, IPv4 addresses +0 -524288"), infos.toString());
    }

    @Test
    void refreshWarnsWhenTheDownloadIsOlderThanTheSnapshot() throws Exception {
        Files.writeString(work.resolve("ip-ranges.json"), NEW.replace("1700086400", "1800000000"));
        new IpMapGenerator(log).run(request(url("/new.json"), null));
        assertEquals(List.of("the downloaded snapshot is OLDER than the one it replaces"), warnings);
    }

    @Test
    @DisplayName("a refresh that moves more than 10% of a family's addresses stops after showing the changes")
    void largeChangesStopUnlessAccepted() throws Exception {
        new IpMapGenerator(log).run(request(null, routing(ROUTING)));
        byte[] snapshotBefore = Files.readAllBytes(work.resolve("ip-ranges.json"));
        byte[] sourceBefore = Files.readAllBytes(work.resolve("generated/farm/ipmap/FarmRegions.java"));

        InputException large = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/new.json"), routing(ROUTING))));

        // OLD places 2^18 + 2^20 IPv4 addresses; NEW drops half of us-west-2's /12 and adds a /22.
        assertEquals(url("/new.json") + ": the new snapshot changes the region of more than 10% of the addresses:"
                + " IPv4 addresses +1024 -524288 of 1310720 (+0.1% -40.0%); IPv6 /64s +2147483648 -0 of 2147483648"
                + " (+100.0% -0.0%). Review the changes listed above; if AWS really changed this much, run again with"
                + " -Dipmap.acceptLargeChange=true. The snapshot and the generated sources are left as they were",
                large.getMessage());
        assertTrue(infos.contains("  us-west-2        prefixes +1 -1, IPv4 addresses +0 -524288"), infos.toString());
        assertArrayEquals(snapshotBefore, Files.readAllBytes(work.resolve("ip-ranges.json")));
        assertArrayEquals(sourceBefore, Files.readAllBytes(work.resolve("generated/farm/ipmap/FarmRegions.java")));

        new IpMapGenerator(log).run(request(url("/new.json"), routing(ROUTING)).toBuilder().acceptLargeChange(true).build());
        assertEquals(List.of("Accepting a change of more than 10% of the addresses (IPv4 addresses +1024 -524288 of"
                + " 1310720 (+0.1% -40.0%); IPv6 /64s +2147483648 -0 of 2147483648 (+100.0% -0.0%)) as"
                + " -Dipmap.acceptLargeChange=true asks"), warnings);
        assertEquals(NEW, Files.readString(work.resolve("ip-ranges.json")));
    }

    @Test
    @DisplayName("real snapshots: three weeks of change (2026-08-01 to 08-22) pass, three years (2023-05-11 on) stop")
    void realSnapshotsTellNormalChurnFromLargeChange() throws Exception {
        server.createContext("/2026-08-22.json", exchange -> {
            byte[] bytes = Snapshots.august22();
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        Path snapshot = work.resolve("ip-ranges.json");
        Files.write(snapshot, Snapshots.resource("/snapshots/ip-ranges-2026-08-01-ec2.json.gz"));
        new IpMapGenerator(log).run(request(url("/2026-08-22.json"), null));
        assertArrayEquals(Snapshots.august22(), Files.readAllBytes(snapshot));

        byte[] old = Snapshots.resource("/snapshots/ip-ranges-2023-05-11-ec2.json.gz");
        Files.write(snapshot, old);
        InputException large = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/2026-08-22.json"), null)));
        assertEquals(url("/2026-08-22.json") + ": the new snapshot changes the region of more than 10% of the"
                + " addresses: IPv4 addresses +21907368 -113496 of 58088429 (+37.7% -0.2%); IPv6 /64s +39568857137"
                + " -2152530688 of 44538671876 (+88.8% -4.8%). Review the changes listed above; if AWS really changed"
                + " this much, run again with -Dipmap.acceptLargeChange=true. The snapshot and the generated sources"
                + " are left as they were", large.getMessage());
        assertArrayEquals(old, Files.readAllBytes(snapshot));
    }

    @Test
    void failedRefreshesLeaveTheSnapshotAndSourcesAsTheyWere() throws Exception {
        new IpMapGenerator(log).run(request(null, routing(ROUTING)));
        byte[] snapshotBefore = Files.readAllBytes(work.resolve("ip-ranges.json"));
        byte[] sourceBefore = Files.readAllBytes(work.resolve("generated/farm/ipmap/FarmRegions.java"));

        InputException garbage = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/garbage.json"), null)));
        assertEquals(List.of(url("/garbage.json") + ": createDate: 'x' is not a date of the form yyyy-MM-dd-HH-mm-ss",
                url("/garbage.json") + ": prefixes: 5 is not an array",
                url("/garbage.json") + ": ipv6_prefixes: is missing"), garbage.problems());

        InputException hugeToken = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/huge-token.json"), null)));
        assertEquals(url("/huge-token.json") + ": syncToken: '9999999999999999999' is not a number of seconds (0 to"
                + " 9223372036854775807)", hugeToken.getMessage());

        InputException missing = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/missing.json"), null)));
        assertEquals(url("/missing.json") + ": answered HTTP 404 instead of 200", missing.getMessage());

        long started = System.nanoTime();
        InputException stalled = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/stall.json"), null)));
        assertEquals(url("/stall.json") + ": no complete answer within 700 ms (ipmap.readTimeoutSeconds, the limit on"
                + " the whole download): try again later, or raise the limit on a slow network", stalled.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());

        started = System.nanoTime();
        InputException midBody = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(url("/stall-mid-body.json"), null)));
        assertEquals(url("/stall-mid-body.json") + ": no complete answer within 700 ms (ipmap.readTimeoutSeconds, the"
                + " limit on the whole download): try again later, or raise the limit on a slow network",
                midBody.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());

        InputException refused = assertThrows(InputException.class,
                () -> new IpMapGenerator(log).run(request(URI.create("http://127.0.0.1:1/ip-ranges.json"), null)));
        assertTrue(refused.getMessage().startsWith("http://127.0.0.1:1/ip-ranges.json: download failed: "),
                refused.getMessage());

        // A good download with a routing configuration it invalidates must not be kept either.
        Path badRouting = routing(ROUTING.replace("\"us-east-1\": [\"home\"]", "\"us-west-1\": [\"home\"]"));
        assertThrows(InputException.class, () -> new IpMapGenerator(log).run(request(url("/new.json"), badRouting)
                .toBuilder().acceptLargeChange(true).build()));

        assertArrayEquals(snapshotBefore, Files.readAllBytes(work.resolve("ip-ranges.json")));
        assertArrayEquals(sourceBefore, Files.readAllBytes(work.resolve("generated/farm/ipmap/FarmRegions.java")));
        try (var leftovers = Files.list(work)) {
            assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void warnsWhenTheSnapshotIsStale() throws Exception {
        GenerateRequest fresh = request(null, null);
        GenerateRequest late = fresh.toBuilder().now(LocalDateTime.of(2024, 1, 1, 0, 0)).build();
        new IpMapGenerator(log).run(late);
        assertEquals(List.of("The ip-ranges snapshot is 47 days old (createDate 2023-11-14-22-13-20); refresh it with"
                + " -Dipmap.refresh=true"), warnings);
    }

    @Test
    void anEmptySelectionFailsNamingTheFilters() throws Exception {
        GenerateRequest base = request(null, null);
        GenerateRequest none = base.toBuilder().selection(new Selection(List.of("EC2"), List.of("eu-*"), true, true))
                .build();
        InputException error = assertThrows(InputException.class, () -> new IpMapGenerator(log).run(none));
        assertEquals(base.snapshot() + ": the selection (services [EC2], regions [eu-*], IPv4 and IPv6) keeps no prefix"
                + " of the 3 in the snapshot; check the services and regions filters", error.getMessage());
        assertFalse(Files.exists(work.resolve("generated")));
    }
}
