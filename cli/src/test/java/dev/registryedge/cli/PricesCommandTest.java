package dev.registryedge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry-edge prices} against a loopback server serving offer files in the Price List's
 * schema ({@link OfferFiles}), over a copy of the list prices of 2026-12-01 frozen in the test
 * resources: good, a price that moved, a stall, garbage, a changed schema, a missing file.
 */
class PricesCommandTest {

    private static final String ROOT = "/offers/v1.0/aws/";

    @TempDir
    Path dir;
    private Path table;
    private HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void priceListAndTable() throws IOException {
        files.put(ROOT + "index.json", OfferFiles.JSON.createObjectNode().put("formatVersion", "v1.0")
                .put("publicationDate", OfferFiles.DATE).set("offers", OfferFiles.JSON.readTree("""
                        {"AmazonCloudFront": {"offerCode": "AmazonCloudFront",
                           "currentVersionUrl": "/offers/v1.0/aws/AmazonCloudFront/current/index.json",
                           "currentRegionIndexUrl": "/offers/v1.0/aws/AmazonCloudFront/current/region_index.json"},
                         "AmazonS3": {"offerCode": "AmazonS3",
                           "currentVersionUrl": "/offers/v1.0/aws/AmazonS3/current/index.json",
                           "currentRegionIndexUrl": "/offers/v1.0/aws/AmazonS3/current/region_index.json"},
                         "AWSLambda": {"offerCode": "AWSLambda",
                           "currentVersionUrl": "/offers/v1.0/aws/AWSLambda/current/index.json",
                           "currentRegionIndexUrl": "/offers/v1.0/aws/AWSLambda/current/region_index.json"}}
                        """)).toString());
        for (String offer : new String[] {"AmazonS3", "AWSLambda"}) {
            files.put(ROOT + offer + "/current/region_index.json", "{\"formatVersion\": \"v1.0\", \"regions\": {"
                    + "\"us-east-1\": {\"regionCode\": \"us-east-1\", \"currentVersionUrl\": \"" + ROOT + offer
                    + "/20261120000000/us-east-1/index.json\"}}}");
        }
        files.put(ROOT + "AmazonCloudFront/current/index.json", OfferFiles.cloudFront().json());
        files.put(ROOT + "AmazonS3/20261120000000/us-east-1/index.json", OfferFiles.s3().json());
        files.put(ROOT + "AWSLambda/20261120000000/us-east-1/index.json", OfferFiles.lambda().json());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (body.equals("STALL")) {
                exchange.sendResponseHeaders(200, 1_000_000);
                exchange.getResponseBody().write("{\"products\": {".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        table = dir.resolve("prices.json");
        try (InputStream in = getClass().getResourceAsStream("/report/list-prices-2026-12-01.json")) {
            Files.copy(in, table);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private int prices(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "prices";
        args[1] = "--table";
        args[2] = table.toString();
        args[3] = "--price-list";
        args[4] = "http://127.0.0.1:" + server.getAddress().getPort();
        System.arraycopy(more, 0, args, 5, more.length);
        out.reset();
        err.reset();
        return Main.run(Fixture.TABLES, args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return "stdout:\n" + out.toString(StandardCharsets.UTF_8) + "\nstderr:\n" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("offer files with the documented prices: nothing moves, every figure now names the Price List")
    void theListPricesReadBackUnchanged() throws Exception {
        assertEquals(0, prices(), output());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("prices: 25 figures read from the Price List,"
                + " 0 changed\n"), output());
        JsonNode refreshed = OfferFiles.JSON.readTree(table.toFile());
        JsonNode europe = refreshed.at("/cloudFront/transferOutPerGb/europe");
        assertEquals("2026-11-20", europe.get("asOf").asText());
        assertEquals("http://127.0.0.1:" + server.getAddress().getPort() + ROOT + "AmazonCloudFront/current/index.json"
                + " (AWS Price List, published " + OfferFiles.DATE + ")", europe.get("source").asText());
        assertEquals(0.06, europe.at("/tiers/2/value").asDouble());
        assertEquals(51_200, europe.at("/tiers/2/fromGb").asDouble());
        assertEquals(100, refreshed.at("/s3/freeInternetGb/value").asDouble(), "the $0 first tier is the allowance");
        assertEquals(0.09, refreshed.at("/s3/internetPerGb/tiers/0/value").asDouble());
        assertEquals(0, refreshed.at("/s3/internetPerGb/tiers/0/fromGb").asDouble());
        assertEquals(0.6, refreshed.at("/lambdaAtEdge/perMillionRequests/value").asDouble());
        // What the Price List does not carry is left as it was.
        JsonNode before = OfferFiles.JSON.readTree(getClass().getResourceAsStream("/report/list-prices-2026-12-01.json"));
        assertEquals(before.at("/cloudFront/flatRatePlans"), refreshed.at("/cloudFront/flatRatePlans"));
        assertEquals(before.at("/cloudFront/freeTier"), refreshed.at("/cloudFront/freeTier"));
        assertEquals(before.at("/storesOutsideAws"), refreshed.at("/storesOutsideAws"));
        // And the report reads the refreshed table.
        dev.registryedge.cli.report.Prices.read(table.toString(), Files.newInputStream(table));
    }

    @Test
    void aPriceThatMovedIsPrintedAndWritten() throws Exception {
        OfferFiles.CLOUDFRONT.put("Europe", new double[] {0.080, 0.075, 0.060, 0.040, 0.030, 0.025, 0.020});
        try {
            files.put(ROOT + "AmazonCloudFront/current/index.json", OfferFiles.cloudFront().json());
        } finally {
            OfferFiles.CLOUDFRONT.put("Europe", new double[] {0.085, 0.080, 0.060, 0.040, 0.030, 0.025, 0.020});
        }
        assertEquals(0, prices(), output());
        assertEquals("""
                prices: 25 figures read from the Price List, 1 changed:
                  cloudFront.transferOutPerGb.europe: 0.085 from 0 GB, 0.08 from 10240 GB, 0.06 from 51200 GB, 0.04\
                 from 153600 GB, 0.03 from 512000 GB, 0.025 from 1048576 GB, 0.02 from 5242880 GB -> 0.08 from 0 GB,\
                 0.075 from 10240 GB, 0.06 from 51200 GB, 0.04 from 153600 GB, 0.03 from 512000 GB, 0.025 from 1048576\
                 GB, 0.02 from 5242880 GB
                %s rewritten
                """.formatted(table), out.toString(StandardCharsets.UTF_8));
        assertEquals(0.075, OfferFiles.JSON.readTree(table.toFile()).at("/cloudFront/transferOutPerGb/europe/tiers/1/value")
                .asDouble());
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(table);
        assertEquals(0, prices("--dry-run"), output());
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("nothing written (--dry-run)\n"), output());
        assertArrayEquals(before, Files.readAllBytes(table));
    }

    private void assertFailsAndChangesNothing(String expectedError, String... more) throws IOException {
        byte[] before = Files.readAllBytes(table);
        assertEquals(1, prices(more), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(expectedError), output());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(table + " is unchanged"), output());
        assertArrayEquals(before, Files.readAllBytes(table));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no partial file beside the table");
        }
    }

    @Test
    void aStalledDownloadEndsAtTheTimeoutAndChangesNothing() throws Exception {
        files.put(ROOT + "AmazonS3/20261120000000/us-east-1/index.json", "STALL");
        long started = System.nanoTime();
        assertFailsAndChangesNothing("us-east-1/index.json: no complete answer within 1 s (--timeout", "--timeout", "1s");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "the stall held the command");
    }

    @Test
    void garbageIsRefused() throws Exception {
        files.put(ROOT + "AWSLambda/20261120000000/us-east-1/index.json", "<html>Service Unavailable</html>");
        assertFailsAndChangesNothing("AWSLambda/20261120000000/us-east-1/index.json: not an offer file");
    }

    @Test
    void aChangedSchemaIsRefusedNamingWhatIsMissing() throws Exception {
        files.put(ROOT + "AmazonCloudFront/current/index.json",
                OfferFiles.cloudFront().json().replace("\"beginRange\"", "\"startingRange\""));
        assertFailsAndChangesNothing("a price dimension has no beginRange");
        files.put(ROOT + "AmazonCloudFront/current/index.json",
                OfferFiles.cloudFront().json().replace("CloudFront Outbound", "CloudFront Egress"));
        assertFailsAndChangesNothing("no product for CloudFront Outbound from United States (has the offer file's"
                + " schema changed?)");
    }

    @Test
    void aMissingFileAndBadArgumentsAreSaidSo() throws Exception {
        files.remove(ROOT + "index.json");
        assertFailsAndChangesNothing("/offers/v1.0/aws/index.json: answered HTTP 404 instead of 200");
        assertEquals(2, Main.run(Fixture.TABLES, new String[] {"prices", "--table", dir.resolve("none.json").toString()},
                InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
