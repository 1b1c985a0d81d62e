package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.registryedge.ipmap.mojo.BuildLog;
import dev.registryedge.ipmap.mojo.GenerateRequest;
import dev.registryedge.ipmap.mojo.IpMapGenerator;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh as a user runs it, on real data frozen as fixtures (not data/, which a refresh
 * changes): the 2026-08-01 snapshot served from loopback over the 2026-08-22 one (so AWS
 * appears to have gone back in time), with the handler's fixture configuration.
 */
class RefreshBetweenRealSnapshotsIT {

    @Test
    void refreshDescribesTheRealDifferenceAndRegenerates(@TempDir Path work) throws Exception {
        byte[] older;
        try (InputStream in = getClass().getResourceAsStream("/snapshots/ip-ranges-2026-08-01.json")) {
            older = in.readAllBytes();
        }
        Path snapshot = work.resolve("ip-ranges.json");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/snapshots/ip-ranges-2026-08-22.json.gz"))) {
            Files.copy(in, snapshot);
        }
        Path routing = work.resolve("routing.json");
        try (InputStream in = getClass().getResourceAsStream("/fixture/routing.json")) {
            Files.copy(in, routing);
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ip-ranges.json", exchange -> {
            exchange.sendResponseHeaders(200, older.length);
            exchange.getResponseBody().write(older);
            exchange.close();
        });
        server.start();
        List<String> lines = new ArrayList<>();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ip-ranges.json");
            BuildLog log = new BuildLog() {
                @Override
                public void info(String message) {
                    lines.add("[INFO] " + message);
                }

                @Override
                public void warn(String message) {
                    lines.add("[WARNING] " + message);
                }
            };
            new IpMapGenerator(log).run(GenerateRequest.builder(snapshot, work.resolve("generated"))
                    .routingConfig(routing).packageName("farm.ipmap")
                    .classNames("FarmRegions", "FarmRouting").refreshFrom(url)
                    .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).now(LocalDateTime.of(2026, 8, 2, 0, 0))
                    .build());
        } finally {
            server.stop(0);
        }
        lines.forEach(System.out::println);

        assertTrue(lines.contains("[INFO]   syncToken 1787411825 -> 1785587225 (createDate 2026-08-22-15-17-05 ->"
                + " 2026-08-01-12-27-05)"), lines.toString());
        assertTrue(lines.contains("[WARNING] the downloaded snapshot is OLDER than the one it replaces"), lines.toString());
        // us-east-1 between the two real files, going back from 2026-08-22 to 2026-08-01.
        assertTrue(lines.contains("[INFO]   us-east-1        prefixes +5 -16, IPv4 addresses +768 -525312,"
                + " IPv6 /64s +917504 -466688"), lines.toString());
        assertArrayEquals(older, Files.readAllBytes(snapshot));
        String generated = Files.readString(work.resolve("generated/farm/ipmap/FarmRegions.java"));
        assertTrue(generated.contains("1785587225") && !generated.contains("1787411825"),
                "the generated map names the new snapshot's syncToken only");
    }
}
