package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Node build reads Secrets Manager's answers with {@link SecretJson}, a reader of its own
 * (the edge has no JSON library to spare): on generated objects with members of every JSON kind
 * (strings with every escape, numbers, literals, nested objects and arrays holding braces,
 * brackets, commas and quotes in strings) and any whitespace, it must find each top-level string
 * member as Jackson does, and nothing where Jackson finds no string.
 */
class SecretJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SPACES = List.of("", " ", "\t", "\n", "\r\n  ", "   ");

    @Test
    void findsEveryTopLevelStringMemberAsJacksonDoes() throws Exception {
        Random random = new Random(5);
        for (int document = 0; document < 2_000; document++) {
            StringBuilder json = new StringBuilder(space(random) + "{");
            int members = random.nextInt(6);
            for (int m = 0; m < members; m++) {
                json.append(m == 0 ? "" : ",").append(space(random)).append('"').append("k").append(m).append('"')
                        .append(space(random)).append(':').append(space(random)).append(value(random, 0))
                        .append(space(random));
            }
            json.append("}").append(space(random));
            JsonNode parsed = JSON.readTree(json.toString());
            for (int m = 0; m <= members; m++) {
                JsonNode expected = parsed.get("k" + m);
                assertEquals(expected != null && expected.isTextual() ? expected.asText() : null,
                        SecretJson.member(json.toString(), "k" + m), json.toString());
            }
        }
    }

    @Test
    void readsTheKeyPairBehindOtherMembersOfEveryKind() {
        String secret = "{\"note\": {\"a\": [1, {\"b\": \"}\"}], \"c\": \"]\"}, \"n\": -1.5e3, \"t\": true,"
                + " \"accessKeyId\": \"AKIA\\u0041B\", \"list\": [\"x\", [], {}], \"f\": false, \"z\": null,"
                + "\n\t\"secretAccessKey\": \"s\\\\e\\\"c\\/r\\bet\\f\\n\\r\\t\"}";
        assertEquals(new SecretJson.KeyPair("AKIAAB", "s\\e\"c/r\bet\f\n\r\t"), SecretJson.keyPairOf(secret));
    }

    private static String space(Random random) {
        return SPACES.get(random.nextInt(SPACES.size()));
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> quoted(random);
            case 1 -> List.of("0", "-12", "3.25", "1e9", "-0.5E-3").get(random.nextInt(5));
            case 2 -> List.of("true", "false", "null").get(random.nextInt(3));
            case 3, 4 -> quoted(random);
            case 5 -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    object.append(i == 0 ? "" : ",").append(space(random)).append(quoted(random)).append(':')
                            .append(space(random)).append(value(random, depth + 1));
                }
                yield object.append(space(random)).append('}').toString();
            }
            default -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    array.append(i == 0 ? "" : ",").append(space(random)).append(value(random, depth + 1));
                }
                yield array.append(space(random)).append(']').toString();
            }
        };
    }

    /** A JSON string of characters that trouble a reader: quotes, backslashes, braces, commas, escapes. */
    private static String quoted(Random random) {
        String[] parts = {"a", "Z", "{", "}", "[", "]", ",", ":", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r",
            "\\b", "\\f", "\\u00e9", "\\u0041", "é", "0"};
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.append('"').toString();
    }
}
