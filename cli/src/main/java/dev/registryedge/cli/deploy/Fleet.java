package dev.registryedge.cli.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which AWS account holds each distribution, and how the operator reaches it: the fleet file
 * ({@code data/fleet.json} unless {@code --fleet} names another). CloudFront takes only functions
 * of the distribution's own account, so each account has its own copy of the function.
 *
 * <pre>{@code
 * {"accounts": {"059165973077": {"roleArn": "arn:aws:iam::059165973077:role/registry-edge-operator",
 *                                "function": "registry-edge"}},
 *  "distributions": {"E2KP8SMSY4XB67": {"account": "059165973077"}}}
 * }</pre>
 *
 * An account without {@code roleArn} is reached with the caller's own credentials; without
 * {@code function}, its function has the name {@code --function} gives. Every distribution of the
 * routing configuration must be listed, and nothing else.
 */
public record Fleet(Map<String, Account> accounts, Map<String, String> accountOf, Optional<Path> file) {

    /** An account: its id (null for the caller's own, unnamed), the role to assume there, its function. */
    public record Account(String id, Optional<String> roleArn, String function) {
        public String label() {
            return id == null ? "these credentials' account" : "account " + id;
        }
    }

    /** A member named twice is refused, not silently the last one. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String CALLER = "";

    /** No fleet file: every distribution in the account of the caller's own credentials. */
    public static Fleet callersOwn(RoutingConfig routing, String function) {
        Map<String, String> accountOf = new LinkedHashMap<>();
        routing.distributions().keySet().forEach(id -> accountOf.put(id, CALLER));
        return new Fleet(Map.of(CALLER, new Account(null, Optional.empty(), function)), accountOf, Optional.empty());
    }

    public boolean isFile() {
        return file.isPresent();
    }

    public Account accountOf(String distributionId) {
        return accounts.get(accountOf.getOrDefault(distributionId, CALLER));
    }

    /**
     * Reads and checks a fleet file against the routing configuration.
     *
     * @param defaultFunction the function's name in an account that names none
     * @throws IllegalArgumentException naming the file, the member and the value that is wrong
     */
    public static Fleet read(Path file, RoutingConfig routing, String defaultFunction) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        Checker check = new Checker(file);
        check.object(root, "the document");
        check.only(root, "", Set.of("accounts", "distributions"));
        JsonNode accountsNode = root.path("accounts");
        check.object(accountsNode, "accounts");
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = accountsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            String at = "accounts." + id;
            if (!id.matches("\\d{12}")) {
                throw check.wrong(at, id, "an AWS account id (12 digits)");
            }
            JsonNode account = entry.getValue();
            check.object(account, at);
            check.only(account, at + ".", Set.of("roleArn", "function"));
            Optional<String> role = check.text(account, at + ".roleArn");
            if (role.isPresent() && !role.get().matches("arn:aws[a-z-]*:iam::" + id + ":role/[\\w+=,.@/-]{1,512}")) {
                throw check.wrong(at + ".roleArn", role.get(), "an IAM role ARN in account " + id
                        + " (arn:aws:iam::" + id + ":role/NAME)");
            }
            Optional<String> function = check.text(account, at + ".function");
            if (function.isPresent() && !function.get().matches("[a-zA-Z0-9_-]{1,64}")) {
                throw check.wrong(at + ".function", function.get(), "a Lambda function name (letters, digits, - and _,"
                        + " at most 64)");
            }
            accounts.put(id, new Account(id, role, function.orElse(defaultFunction)));
        }
        if (accounts.isEmpty()) {
            throw check.wrong("accounts", "{}", "at least one account");
        }
        JsonNode distributionsNode = root.path("distributions");
        check.object(distributionsNode, "distributions");
        Map<String, String> accountOf = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = distributionsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = "distributions." + entry.getKey();
            if (!routing.distributions().containsKey(entry.getKey())) {
                throw check.wrong("distributions", entry.getKey(), "a distribution of the routing configuration ("
                        + String.join(", ", routing.distributions().keySet()) + ")");
            }
            check.object(entry.getValue(), at);
            check.only(entry.getValue(), at + ".", Set.of("account"));
            String account = check.text(entry.getValue(), at + ".account").orElseThrow(() ->
                    new IllegalArgumentException(file + ": " + at + ".account is missing: name the account that holds"
                            + " the distribution"));
            if (!accounts.containsKey(account)) {
                throw check.wrong(at + ".account", account, "one of the accounts listed (" + String.join(", ",
                        accounts.keySet()) + ")");
            }
            accountOf.put(entry.getKey(), account);
        }
        List<String> unlisted = new ArrayList<>(routing.distributions().keySet());
        unlisted.removeAll(accountOf.keySet());
        if (!unlisted.isEmpty()) {
            throw new IllegalArgumentException(file + ": distributions: " + String.join(", ", unlisted) + " of the"
                    + " routing configuration not listed: give each its account");
        }
        // The routing configuration's order, so that every listing follows it.
        Map<String, String> ordered = new LinkedHashMap<>();
        routing.distributions().keySet().forEach(id -> ordered.put(id, accountOf.get(id)));
        return new Fleet(accounts, ordered, Optional.of(file));
    }

    /** The messages: the file, the member, the value, and what was expected. */
    private record Checker(Path file) {
        IllegalArgumentException wrong(String member, String value, String expected) {
            return new IllegalArgumentException(file + ": " + member + ": '" + value + "' is not " + expected);
        }

        void object(JsonNode node, String member) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(file + ": " + member + " must be an object, not "
                        + (node.isMissingNode() ? "missing" : node.getNodeType().toString().toLowerCase()));
            }
        }

        void only(JsonNode node, String prefix, Set<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(file + ": " + prefix + name + ": unknown member (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            });
        }

        Optional<String> text(JsonNode node, String member) {
            JsonNode value = node.get(member.substring(member.lastIndexOf('.') + 1));
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw wrong(member, value.toString(), "a string");
            }
            return Optional.of(value.asText());
        }
    }
}
