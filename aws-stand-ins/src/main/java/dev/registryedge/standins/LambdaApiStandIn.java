package dev.registryedge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Lambda API (REST-JSON, 2015-03-31) on 127.0.0.1, as far as deploying an edge function
 * uses it: CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionCode,
 * PublishVersion and ListVersionsByFunction (paged). Like Lambda it checks SigV4 (service
 * {@code lambda}, us-east-1), keeps code hashes and numbered versions, reports an update as
 * InProgress for {@link #updateDelay} and refuses another update or a publish meanwhile, does not
 * publish a new version when nothing changed since the last one, and refuses a publish whose
 * {@code CodeSha256} is not the current code's. CreateFunction refuses, as Lambda does, a name
 * outside {@code [a-zA-Z0-9-_]} or longer than 64, memory outside 128–10,240 MB and a timeout
 * outside 1–900 s (ValidationException), and a runtime it does not offer. {@link #fail} makes a
 * chosen call fail. Each account has functions of its own, told apart, as AWS does, by the key a
 * request is signed with ({@link AccessKeys}).
 */
public final class LambdaApiStandIn implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    private static final String PREFIX = "/2015-03-31/functions";
    private static final Set<String> RUNTIMES = Set.of("nodejs22.x", "nodejs24.x", "java17", "java21");
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A function's $LATEST and its published versions. */
    public static final class Function {
        public final String account;
        public final String name;
        public String runtime;
        public String role;
        public String handler;
        public int memorySize;
        public int timeout;
        public String description = "";
        public byte[] code;
        public String codeSha256;
        String lastModified;
        Instant updatedUntil = Instant.EPOCH;
        boolean pending;
        public final List<ObjectNode> versions = new CopyOnWriteArrayList<>();

        Function(String account, String name) {
            this.account = account;
            this.name = name;
        }
    }

    private final LoopbackServer server;
    private final SigV4Verifier signatures;
    private final Map<String, Map<String, Function>> accounts = new ConcurrentHashMap<>();
    /** The functions of {@link #ACCOUNT}. */
    public final Map<String, Function> functions = functions(ACCOUNT);
    /** Calls by operation name, in order ("PublishVersion registry-edge"). */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private final Map<String, String> failureCodes = new ConcurrentHashMap<>();
    /** How long a create or code update stays InProgress. */
    public volatile Duration updateDelay = Duration.ofMillis(60);
    public volatile int pageSize = 50;

    public LambdaApiStandIn(Map<String, String> secretsByAccessKey) {
        this(AccessKeys.of(secretsByAccessKey));
    }

    public LambdaApiStandIn(AccessKeys keys) {
        signatures = new SigV4Verifier("lambda", "us-east-1", keys);
        server = new LoopbackServer(this::answer);
    }

    public URI uri() {
        return server.uri();
    }

    /** The next {@code times} calls of {@code operation} answer {@code status} with the error {@code code}. */
    public void fail(String operation, int status, String code, int times) {
        failures.put(operation, new int[] {status, times});
        failureCodes.put(operation, code);
    }

    /** Every write call recorded (anything but Get and List). */
    public List<String> writes() {
        return calls.stream().filter(call -> !call.startsWith("Get") && !call.startsWith("List")).toList();
    }

    /** A function that exists already, with one published version: what another tool deployed. */
    public Function seed(String name, String runtime, int timeout, int memorySize) {
        return seed(ACCOUNT, name, runtime, timeout, memorySize);
    }

    /** The functions of an account, by name. */
    public Map<String, Function> functions(String account) {
        return accounts.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    }

    /** A function that exists already in {@code account}. */
    public Function seed(String account, String name, String runtime, int timeout, int memorySize) {
        Function function = new Function(account, name);
        function.runtime = runtime;
        function.role = "arn:aws:iam::" + account + ":role/seed";
        function.handler = "index.handler";
        function.timeout = timeout;
        function.memorySize = memorySize;
        setCode(function, ("seed " + name).getBytes(StandardCharsets.UTF_8));
        function.updatedUntil = Instant.now();
        functions(account).put(name, function);
        function.versions.add(configuration(function, "1"));
        return function;
    }

    /** The configuration of {@code name:version} as Lambda reports it, or null. */
    public ObjectNode version(String name, String version) {
        return version(ACCOUNT, name, version);
    }

    /** The configuration of {@code name:version} in {@code account}, or null. */
    public ObjectNode version(String account, String name, String version) {
        Function function = functions(account).get(name);
        return function == null ? null : function.versions.stream().filter(v -> v.get("Version").asText()
                .equals(version)).findFirst().orElse(null);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = signatures.problem(exchange, body);
        if (problem != null) {
            calls.add("refused " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            error(exchange, 403, "InvalidSignatureException", problem);
            return;
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith(PREFIX)) {
            error(exchange, 404, "UnknownOperationException", path);
            return;
        }
        String[] segments = path.substring(PREFIX.length()).split("/");
        String target = segments.length > 1 ? URLDecoder.decode(segments[1], StandardCharsets.UTF_8) : null;
        String sub = segments.length > 2 ? segments[2] : "";
        String operation = switch (method + " " + (target == null ? "" : "fn") + (sub.isEmpty() ? "" : "/" + sub)) {
            case "POST " -> "CreateFunction";
            case "GET fn" -> "GetFunction";
            case "GET fn/configuration" -> "GetFunctionConfiguration";
            case "PUT fn/code" -> "UpdateFunctionCode";
            case "POST fn/versions" -> "PublishVersion";
            case "GET fn/versions" -> "ListVersionsByFunction";
            default -> null;
        };
        if (operation == null) {
            error(exchange, 404, "UnknownOperationException", method + " " + path);
            return;
        }
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        String name = target == null ? request.path("FunctionName").asText() : nameOf(target);
        calls.add(operation + " " + name);
        Map<String, Function> functions = functions(signatures.account(exchange));
        int[] failure = failures.get(operation);
        if (failure != null && failure[1]-- > 0) {
            error(exchange, failure[0], failureCodes.get(operation), "failure injected by the test");
            return;
        }
        synchronized (this) {
            switch (operation) {
                case "CreateFunction" -> create(exchange, request, functions, signatures.account(exchange));
                case "GetFunction" -> withFunction(exchange, functions.get(name), name, f -> {
                    ObjectNode answer = JSON.createObjectNode();
                    answer.set("Configuration", configurationOf(f, qualifierOf(exchange, target)));
                    answer.putObject("Code").put("RepositoryType", "S3").put("Location", "https://example.invalid/");
                    return answer;
                });
                case "GetFunctionConfiguration" -> withFunction(exchange, functions.get(name), name, f -> configurationOf(f,
                        qualifierOf(exchange, target)));
                case "UpdateFunctionCode" -> withFunction(exchange, functions.get(name), name, f -> updateCode(f, request));
                case "PublishVersion" -> withFunction(exchange, functions.get(name), name, f -> publish(f, request));
                case "ListVersionsByFunction" -> withFunction(exchange, functions.get(name), name, f -> list(f, exchange));
                default -> throw new IllegalStateException(operation);
            }
        }
    }

    private interface Action {
        ObjectNode on(Function function) throws Failure;
    }

    /** An error the API answers with. */
    private static final class Failure extends Exception {
        final int status;
        final String code;

        Failure(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void withFunction(HttpExchange exchange, Function function, String name, Action action)
            throws IOException {
        try {
            if (function == null) {
                throw new Failure(404, "ResourceNotFoundException", "Function not found: "
                        + arn(signatures.account(exchange), name));
            }
            ObjectNode answer = action.on(function);
            reply(exchange, exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("PUT")
                    ? 200 : 201, answer);
        } catch (Failure failure) {
            // An update refused while another is in progress is kept with the calls, for the tests to look for.
            if (failure.status == 409) {
                calls.add("refused " + failure.code + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            error(exchange, failure.status, failure.code, failure.getMessage());
        }
    }

    private void create(HttpExchange exchange, JsonNode request, Map<String, Function> functions, String account)
            throws IOException {
        String name = request.path("FunctionName").asText();
        // What Lambda's model constrains, refused as Lambda does before anything else.
        String invalid = !name.matches("[a-zA-Z0-9_-]{1,64}") ? "Value '" + name + "' at 'functionName' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ (1 to 64)"
                : request.has("MemorySize") && (request.get("MemorySize").asInt() < 128
                        || request.get("MemorySize").asInt() > 10240) ? "Value '" + request.get("MemorySize")
                        + "' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240"
                : request.has("Timeout") && (request.get("Timeout").asInt() < 1 || request.get("Timeout").asInt() > 900)
                        ? "Value '" + request.get("Timeout") + "' at 'timeout' failed to satisfy constraint: Member"
                        + " must have value between 1 and 900"
                : null;
        if (invalid != null) {
            error(exchange, 400, "ValidationException", "1 validation error detected: " + invalid);
            return;
        }
        String problem = functions.containsKey(name) ? "Function already exist: " + name
                : !RUNTIMES.contains(request.path("Runtime").asText()) ? "Runtime " + request.path("Runtime") + " is not supported"
                : !request.path("Role").asText().matches("arn:aws:iam::\\d{12}:role/.+") ? "Role " + request.path("Role") + " is not a role ARN"
                : request.path("Handler").asText().isEmpty() ? "Handler is required"
                : !request.path("Code").has("ZipFile") ? "Code.ZipFile is required" : null;
        if (problem != null) {
            error(exchange, functions.containsKey(name) ? 409 : 400,
                    functions.containsKey(name) ? "ResourceConflictException" : "InvalidParameterValueException", problem);
            return;
        }
        Function function = new Function(account, name);
        function.runtime = request.path("Runtime").asText();
        function.role = request.path("Role").asText();
        function.handler = request.path("Handler").asText();
        function.memorySize = request.path("MemorySize").asInt(128);
        function.timeout = request.path("Timeout").asInt(3);
        function.description = request.path("Description").asText("");
        setCode(function, Base64.getDecoder().decode(request.path("Code").path("ZipFile").asText()));
        function.pending = true;
        function.updatedUntil = Instant.now().plus(updateDelay);
        functions.put(name, function);
        reply(exchange, 201, configuration(function, "$LATEST"));
    }

    private ObjectNode updateCode(Function function, JsonNode request) throws Failure {
        busy(function);
        setCode(function, Base64.getDecoder().decode(request.path("ZipFile").asText()));
        function.updatedUntil = Instant.now().plus(updateDelay);
        return configuration(function, "$LATEST");
    }

    private ObjectNode publish(Function function, JsonNode request) throws Failure {
        busy(function);
        if (request.hasNonNull("CodeSha256") && !request.get("CodeSha256").asText().equals(function.codeSha256)) {
            throw new Failure(412, "PreconditionFailedException", "CodeSha256 " + request.get("CodeSha256").asText()
                    + " does not match the function's code " + function.codeSha256);
        }
        if (!function.versions.isEmpty()) {
            ObjectNode last = function.versions.get(function.versions.size() - 1);
            if (last.get("CodeSha256").asText().equals(function.codeSha256)
                    && last.get("LastModified").asText().equals(function.lastModified)) {
                return last;
            }
        }
        ObjectNode version = configuration(function, String.valueOf(function.versions.size() + 1));
        version.put("Description", request.path("Description").asText(""));
        function.versions.add(version);
        return version;
    }

    private ObjectNode list(Function function, HttpExchange exchange) {
        List<ObjectNode> all = new ArrayList<>();
        all.add(configuration(function, "$LATEST"));
        all.addAll(function.versions);
        int from = Integer.parseInt(LoopbackServer.query(exchange).getOrDefault("Marker", "0"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("Versions");
        all.subList(from, Math.min(all.size(), from + pageSize)).forEach(page::add);
        if (from + pageSize < all.size()) {
            answer.put("NextMarker", String.valueOf(from + pageSize));
        }
        return answer;
    }

    private static void busy(Function function) throws Failure {
        if (Instant.now().isBefore(function.updatedUntil)) {
            throw new Failure(409, "ResourceConflictException", "The operation cannot be performed at this time."
                    + " An update is in progress for resource: " + arn(function.account, function.name));
        }
    }

    private static void setCode(Function function, byte[] code) {
        function.code = code;
        try {
            function.codeSha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(code));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        function.lastModified = LAST_MODIFIED.format(Instant.now());
    }

    private ObjectNode configurationOf(Function function, String qualifier) throws Failure {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return configuration(function, "$LATEST");
        }
        ObjectNode version = version(function.account, function.name, qualifier);
        if (version == null) {
            throw new Failure(404, "ResourceNotFoundException", "Function not found: "
                    + arn(function.account, function.name) + ":" + qualifier);
        }
        return version;
    }

    private static ObjectNode configuration(Function function, String version) {
        boolean inProgress = Instant.now().isBefore(function.updatedUntil);
        if (!inProgress) {
            function.pending = false;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("FunctionName", function.name);
        String arn = arn(function.account, function.name);
        node.put("FunctionArn", version.equals("$LATEST") ? arn : arn + ":" + version);
        node.put("Runtime", function.runtime);
        node.put("Role", function.role);
        node.put("Handler", function.handler);
        node.put("CodeSize", function.code.length);
        node.put("Description", function.description);
        node.put("Timeout", function.timeout);
        node.put("MemorySize", function.memorySize);
        node.put("LastModified", function.lastModified);
        node.put("CodeSha256", function.codeSha256);
        node.put("Version", version);
        node.put("PackageType", "Zip");
        boolean latest = version.equals("$LATEST");
        node.put("State", latest && function.pending ? "Pending" : "Active");
        node.put("LastUpdateStatus", latest && inProgress && !function.pending ? "InProgress" : "Successful");
        return node;
    }

    static String arn(String account, String name) {
        return "arn:aws:lambda:us-east-1:" + account + ":function:" + name;
    }

    /** A function named by name, partial ARN or ARN (with or without a version). */
    private static String nameOf(String target) {
        String[] parts = target.split(":");
        return parts.length >= 7 && parts[0].equals("arn") ? parts[6] : target;
    }

    private static String qualifierOf(HttpExchange exchange, String target) {
        String[] parts = target.split(":");
        return parts.length == 8 ? parts[7] : LoopbackServer.query(exchange).get("Qualifier");
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        LoopbackServer.reply(exchange, status, JSON.writeValueAsString(body));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", code);
        reply(exchange, status, JSON.createObjectNode().put("Type", "User").put("Message", message));
    }

    @Override
    public void close() {
        server.close();
    }
}
