package dev.registryedge.cli.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registryedge.cli.report.Prices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped data/prices.json itself (every other test of the report uses a frozen copy): it
 * reads, and it is in the layout `registry-edge prices` writes, so that a refresh's diff shows
 * only the prices that moved.
 */
class ShippedPriceTableTest {

    static final Path SHIPPED = Path.of(System.getProperty("registryedge.root", ".."), "data", "prices.json");

    @Test
    void theShippedTableReadsAndIsInTheRefreshsLayout() throws Exception {
        try (InputStream in = Files.newInputStream(SHIPPED)) {
            Prices.read(SHIPPED.toString(), in);
        }
        String expected = PriceTableFile.read(SHIPPED).text();
        Path written = Path.of("target", "prices.json.expected");
        Files.writeString(written, expected);
        assertEquals(expected, Files.readString(SHIPPED), "data/prices.json is not in the refresh's layout; "
                + written.toAbsolutePath() + " is");
    }
}
