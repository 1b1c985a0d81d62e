package dev.registryedge.cli.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Refreshes the price table from AWS's public Price List (no credentials needed): the offer index,
 * CloudFront's global offer file, and the us-east-1 files of S3 and Lambda, each downloaded to a
 * temporary directory and read as a stream; the figures checked; the table rewritten whole, or
 * left as it was when anything fails.
 */
public final class PriceListRefresh {

    /** What a refresh found: the figures that moved, and whether the table was written. */
    public record Result(int figures, List<String> changes, boolean written) {}

    /** The Price List's own host. */
    public static final URI AWS = URI.create("https://pricing.us-east-1.amazonaws.com");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Download download;

    public PriceListRefresh(URI base, Duration connectTimeout, Duration totalTimeout) {
        // A base with a path (a mirror) keeps it: the index is looked up below it.
        this.base = base.getRawPath() == null || base.getRawPath().endsWith("/") ? base
                : URI.create(base + "/");
        this.download = new Download(connectTimeout, totalTimeout);
    }

    /**
     * @param today the date the table says it was refreshed on
     * @param progress where each download is announced
     */
    public Result run(Path table, boolean dryRun, String today, PrintStream progress) throws PriceListException {
        PriceTableFile file = PriceTableFile.read(table);
        Path work;
        try {
            work = Files.createTempDirectory("registry-edge-prices");
        } catch (IOException e) {
            throw new PriceListException("a temporary directory cannot be made: " + e.getMessage());
        }
        try {
            URI indexUrl = base.resolve("offers/v1.0/aws/index.json");
            JsonNode index = json(indexUrl, download.text(indexUrl, work));
            OfferFile cloudFront = offer(work, url(indexUrl, index, "AmazonCloudFront", "currentVersionUrl"),
                    ListPrices.CLOUDFRONT, progress);
            OfferFile s3 = offer(work, regional(work, indexUrl, index, "AmazonS3"), ListPrices.S3, progress);
            OfferFile lambda = offer(work, regional(work, indexUrl, index, "AWSLambda"), ListPrices.LAMBDA, progress);
            List<ListPrices.Figure> figures = ListPrices.figures(cloudFront, s3, lambda);
            List<String> changes = file.apply(figures, today);
            file.checkReadable();
            if (!dryRun) {
                file.write();
            }
            return new Result(figures.size(), changes, !dryRun);
        } finally {
            delete(work);
        }
    }

    private OfferFile offer(Path work, URI url, Predicate<OfferFile.Product> wanted, PrintStream progress)
            throws PriceListException {
        progress.println("registry-edge: reading " + url);
        try {
            return OfferFile.read(url.toString(), download.fetch(url, Files.createTempFile(work, "offer", ".json")),
                    wanted);
        } catch (IOException e) {
            throw new PriceListException(url + ": cannot be stored: " + e.getMessage());
        }
    }

    /** The us-east-1 offer file of a service, through its region index. */
    private URI regional(Path work, URI indexUrl, JsonNode index, String offer) throws PriceListException {
        URI regionIndexUrl = url(indexUrl, index, offer, "currentRegionIndexUrl");
        JsonNode regions = json(regionIndexUrl, download.text(regionIndexUrl, work));
        JsonNode region = regions.path("regions").path("us-east-1").path("currentVersionUrl");
        if (!region.isTextual()) {
            throw new PriceListException(regionIndexUrl + ": regions.us-east-1.currentVersionUrl: missing");
        }
        return resolve(regionIndexUrl, "regions.us-east-1.currentVersionUrl", region.asText());
    }

    private URI url(URI indexUrl, JsonNode index, String offer, String field) throws PriceListException {
        JsonNode url = index.path("offers").path(offer).path(field);
        if (!url.isTextual()) {
            throw new PriceListException(indexUrl + ": offers." + offer + "." + field + ": missing");
        }
        return resolve(indexUrl, "offers." + offer + "." + field, url.asText());
    }

    /** A URL an index gives, against the index's own URL (the Price List writes paths from the host's root). */
    private static URI resolve(URI index, String field, String url) throws PriceListException {
        try {
            URI resolved = index.resolve(url);
            if (!"http".equals(resolved.getScheme()) && !"https".equals(resolved.getScheme())) {
                throw new IllegalArgumentException("not http or https");
            }
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new PriceListException(index + ": " + field + ": '" + url + "' is not a URL (" + e.getMessage() + ")");
        }
    }

    private static JsonNode json(URI url, String text) throws PriceListException {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new PriceListException(url + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is no reason to fail the refresh
        }
    }
}
