package dev.registryedge.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report tests' price table ({@code report/prices.json}): flat, round prices whose totals
 * are worked out by hand (see SavingsReportTest).
 */
final class TestPrices {

    private TestPrices() {}

    static Prices table() {
        try (InputStream in = TestPrices.class.getResourceAsStream("/report/prices.json")) {
            return Prices.read("report/prices.json", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
