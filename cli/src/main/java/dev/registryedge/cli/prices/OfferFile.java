package dev.registryedge.cli.prices;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One Price List offer file, read as a stream so that a file of hundreds of megabytes never
 * sits in memory: of {@code products}, only those a predicate wants are kept; of
 * {@code terms.OnDemand}, only their price dimensions ({@code beginRange}, {@code endRange},
 * {@code unit}, {@code pricePerUnit.USD}).
 *
 * @param publicationDate the file's own {@code publicationDate}
 */
record OfferFile(String url, String publicationDate, Map<String, Product> products) {

    /** A product kept, with its on-demand prices. */
    record Product(String sku, String productFamily, JsonNode attributes, List<Price> prices) {
        String attribute(String name) {
            return attributes.path(name).asText("");
        }
    }

    /** One price dimension: the range of units it applies to ({@code end} may be infinite) and USD per unit. */
    record Price(double begin, double end, String unit, double usd) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static OfferFile read(String url, Path file, Predicate<Product> wanted) throws PriceListException {
        Map<String, Product> products = new LinkedHashMap<>();
        String publicationDate = null;
        boolean sawProducts = false;
        boolean sawTerms = false;
        try (JsonParser parser = new JsonFactory(JSON).createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PriceListException(url + ": not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "publicationDate" -> publicationDate = parser.getValueAsString();
                    case "products" -> {
                        sawProducts = true;
                        expect(url, value, JsonToken.START_OBJECT, "products");
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            parser.nextToken();
                            JsonNode node = parser.readValueAsTree();
                            Product product = new Product(node.path("sku").asText(), node.path("productFamily").asText(),
                                    node.path("attributes"), new ArrayList<>());
                            if (wanted.test(product)) {
                                products.put(product.sku(), product);
                            }
                        }
                    }
                    case "terms" -> {
                        sawTerms = true;
                        expect(url, value, JsonToken.START_OBJECT, "terms");
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String kind = parser.currentName();
                            parser.nextToken();
                            if (!kind.equals("OnDemand")) {
                                parser.skipChildren();
                                continue;
                            }
                            onDemand(url, parser, products);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new PriceListException(url + ": not an offer file (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        if (!sawProducts || !sawTerms) {
            throw new PriceListException(url + ": not an offer file: it has no " + (sawProducts ? "terms" : "products"));
        }
        return new OfferFile(url, publicationDate, products);
    }

    private static void onDemand(String url, JsonParser parser, Map<String, Product> products)
            throws IOException, PriceListException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Product product = products.get(parser.currentName());
            parser.nextToken();
            if (product == null) {
                parser.skipChildren();
                continue;
            }
            JsonNode offers = parser.readValueAsTree();
            for (JsonNode offer : offers) {
                for (JsonNode dimension : offer.path("priceDimensions")) {
                    product.prices().add(new Price(range(url, product, dimension, "beginRange"),
                            range(url, product, dimension, "endRange"), dimension.path("unit").asText(),
                            usd(url, product, dimension)));
                }
            }
            product.prices().sort((a, b) -> Double.compare(a.begin(), b.begin()));
        }
    }

    private static double range(String url, Product product, JsonNode dimension, String field)
            throws PriceListException {
        String text = dimension.path(field).asText(null);
        if (text == null) {
            throw new PriceListException(url + ": terms.OnDemand." + product.sku() + ": a price dimension has no "
                    + field + " (" + dimension + ")");
        }
        if (text.equals("Inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new PriceListException(url + ": terms.OnDemand." + product.sku() + ": " + field + " '" + text
                    + "' is not a number");
        }
    }

    private static double usd(String url, Product product, JsonNode dimension) throws PriceListException {
        String text = dimension.path("pricePerUnit").path("USD").asText(null);
        try {
            double usd = Double.parseDouble(text);
            if (usd < 0 || Double.isNaN(usd) || Double.isInfinite(usd)) {
                throw new NumberFormatException();
            }
            return usd;
        } catch (NumberFormatException | NullPointerException e) {
            throw new PriceListException(url + ": terms.OnDemand." + product.sku() + ": pricePerUnit.USD '" + text
                    + "' is not a price");
        }
    }

    private static void expect(String url, JsonToken actual, JsonToken expected, String field)
            throws PriceListException {
        if (actual != expected) {
            throw new PriceListException(url + ": " + field + " is not a JSON object");
        }
    }
}
