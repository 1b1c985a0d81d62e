package dev.registryedge.standins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The CloudFront API (REST-XML, 2020-05-31) on 127.0.0.1, as far as moving a function
 * association uses it: GetDistribution, GetDistributionConfig, UpdateDistribution, TagResource
 * and ListTagsForResource. Like CloudFront it checks SigV4 (service {@code cloudfront}, scope
 * us-east-1), hands out a new ETag with every change and answers PreconditionFailed to a stale
 * {@code If-Match}, checks every {@code Quantity} against its {@code Items} (and refuses a list
 * without one), refuses more than four Lambda@Edge associations in a behaviour
 * (TooManyLambdaFunctionAssociations), two of one event type, {@code IncludeBody} on a response
 * event, a function of another account, and associations that are not numbered versions of
 * existing us-east-1 functions within the viewer-request limits (InvalidLambdaFunctionAssociation),
 * can stall an operation, and reports a changed distribution InProgress for
 * {@link #deployDelay} before Deployed. Each distribution belongs to an account; a request signed
 * with a key of another account ({@link AccessKeys}) answers AccessDenied, and so does one in
 * {@link #otherAccount}. An update missing a member CloudFront requires (CallerReference,
 * Origins, DefaultCacheBehavior, Comment, Enabled) is refused (MalformedInput); elements the
 * stand-in does not know are kept and handed back, as CloudFront keeps what a newer API added.
 */
public final class CloudFrontApiStandIn implements AutoCloseable {

    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final String PREFIX = "/2020-05-31/";
    /** The comment someone else's concurrent edit leaves. */
    public static final String OTHER_EDIT = "edited by someone else meanwhile";

    /** One distribution: its configuration as the last writer sent it, its ETag, tags and state. */
    public static final class Distribution {
        public final String account;
        public final String id;
        public final String arn;
        public volatile String configXml;
        public volatile int eTag = 1;
        public volatile Instant deployedAt = Instant.EPOCH;
        public final Map<String, String> tags = new ConcurrentHashMap<>();
        /** Someone else changes its comment right after the next read. */
        public volatile boolean editAfterNextRead;

        Distribution(String account, String id, String configXml) {
            this.account = account;
            this.id = id;
            this.arn = "arn:aws:cloudfront::" + account + ":distribution/" + id;
            this.configXml = configXml;
        }
    }

    private final LoopbackServer server;
    private final SigV4Verifier signatures;
    private final LambdaApiStandIn lambda;
    public final Map<String, Distribution> distributions = new LinkedHashMap<>();
    /** Distributions that exist in another account: AccessDenied. */
    public final Set<String> otherAccount = ConcurrentHashMap.newKeySet();
    /** Calls by operation name and distribution, in order ("UpdateDistribution E2KP8SMSY4XB67"). */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> failures = new ConcurrentHashMap<>();
    private final Map<String, Duration> stalls = new ConcurrentHashMap<>();
    /** Released on close, so that a stalled answer ends with the stand-in rather than after its delay. */
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    public volatile Duration deployDelay = Duration.ofMillis(100);
    /** What CloudFront makes of a configuration it takes: as sent, unless a test says otherwise. */
    public volatile java.util.function.UnaryOperator<String> onUpdate = java.util.function.UnaryOperator.identity();

    /** @param lambda where associated functions are looked up */
    public CloudFrontApiStandIn(Map<String, String> secretsByAccessKey, LambdaApiStandIn lambda) {
        this(AccessKeys.of(secretsByAccessKey), lambda);
    }

    public CloudFrontApiStandIn(AccessKeys keys, LambdaApiStandIn lambda) {
        this.signatures = new SigV4Verifier("cloudfront", "us-east-1", keys);
        this.lambda = lambda;
        server = new LoopbackServer(this::answer);
    }

    public URI uri() {
        return server.uri();
    }

    public Distribution add(String id, String configXml) {
        return add(LambdaApiStandIn.ACCOUNT, id, configXml);
    }

    /** A distribution of {@code account}. */
    public Distribution add(String account, String id, String configXml) {
        Distribution distribution = new Distribution(account, id, configXml);
        distributions.put(id, distribution);
        return distribution;
    }

    /** Every call of {@code operation} on {@code id} waits this long before it is answered (a stalled call). */
    public void stall(String operation, String id, Duration delay) {
        stalls.put(operation + " " + id, delay);
    }

    /** Every call of {@code operation} on {@code id} answers {@code status} with the error {@code code}. */
    public void fail(String operation, String id, int status, String code) {
        failures.put(operation + " " + id, new String[] {String.valueOf(status), code});
    }

    /** Waits until {@code call} ("UpdateDistribution E2KP8SMSY4XB67") has arrived; false when it did not in time. */
    public synchronized boolean awaitCall(String call, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!calls.contains(call)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void record(String call) {
        calls.add(call);
        notifyAll();
    }

    /** Every write call recorded. */
    public List<String> writes() {
        return calls.stream().filter(call -> call.startsWith("Update") || call.startsWith("Tag")
                || call.startsWith("Untag")).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = signatures.problem(exchange, body);
        if (problem != null) {
            record("refused " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            error(exchange, 403, "SignatureDoesNotMatch", problem);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = LoopbackServer.query(exchange);
        String caller = signatures.account(exchange);
        if (path.equals(PREFIX + "tagging")) {
            String arn = query.getOrDefault("Resource", "");
            Distribution distribution = distributions.values().stream().filter(d -> d.arn.equals(arn)).findFirst()
                    .orElse(null);
            String operation = method.equals("POST") && "Tag".equals(query.get("Operation")) ? "TagResource"
                    : method.equals("POST") && "Untag".equals(query.get("Operation")) ? "UntagResource"
                    : method.equals("GET") ? "ListTagsForResource" : null;
            record(operation + " " + (distribution == null ? arn : distribution.id));
            if (distribution != null && !distribution.account.equals(caller)) {
                error(exchange, 403, "AccessDenied", "User: arn:aws:iam::" + caller + ":user/operator is not"
                        + " authorized to perform: cloudfront:" + operation + " on resource: " + arn);
                return;
            }
            if (operation == null || distribution == null) {
                error(exchange, operation == null ? 400 : 404, operation == null ? "InvalidArgument" : "NoSuchResource",
                        method + " " + exchange.getRequestURI());
                return;
            }
            if (injected(exchange, operation, distribution.id)) {
                return;
            }
            if (operation.equals("TagResource")) {
                Element tags = parse(body).getDocumentElement();
                NodeList items = tags.getElementsByTagName("Tag");
                for (int i = 0; i < items.getLength(); i++) {
                    Element tag = (Element) items.item(i);
                    distribution.tags.put(text(tag, "Key"), text(tag, "Value"));
                }
                exchange.sendResponseHeaders(204, -1);
            } else if (operation.equals("UntagResource")) {
                NodeList keys = parse(body).getDocumentElement().getElementsByTagName("Key");
                for (int i = 0; i < keys.getLength(); i++) {
                    distribution.tags.remove(keys.item(i).getTextContent());
                }
                exchange.sendResponseHeaders(204, -1);
            } else {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tags xmlns=\"" + NS
                        + "\"><Items>");
                distribution.tags.forEach((key, value) -> xml.append("<Tag><Key>").append(escape(key))
                        .append("</Key><Value>").append(escape(value)).append("</Value></Tag>"));
                reply(exchange, 200, null, xml.append("</Items></Tags>").toString());
            }
            return;
        }
        String[] segments = path.startsWith(PREFIX + "distribution/") ? path.substring((PREFIX + "distribution/")
                .length()).split("/") : new String[0];
        String operation = segments.length == 1 && method.equals("GET") ? "GetDistribution"
                : segments.length == 2 && segments[1].equals("config") && method.equals("GET") ? "GetDistributionConfig"
                : segments.length == 2 && segments[1].equals("config") && method.equals("PUT") ? "UpdateDistribution"
                : null;
        if (operation == null) {
            error(exchange, 400, "InvalidArgument", method + " " + path);
            return;
        }
        String id = segments[0];
        record(operation + " " + id);
        if (injected(exchange, operation, id)) {
            return;
        }
        Distribution distribution = distributions.get(id);
        if (otherAccount.contains(id) || distribution != null && !distribution.account.equals(caller)) {
            error(exchange, 403, "AccessDenied", "User: arn:aws:iam::" + caller + ":user/operator is not authorized"
                    + " to perform: cloudfront:" + operation + " on resource: arn:aws:cloudfront::" + caller
                    + ":distribution/" + id);
            return;
        }
        if (distribution == null) {
            error(exchange, 404, "NoSuchDistribution", "The specified distribution does not exist.");
            return;
        }
        synchronized (distribution) {
            switch (operation) {
                case "GetDistribution" -> reply(exchange, 200, distribution, distributionXml(distribution));
                case "GetDistributionConfig" -> reply(exchange, 200, distribution, distribution.configXml);
                default -> update(exchange, distribution, body);
            }
            if (!operation.equals("UpdateDistribution") && distribution.editAfterNextRead) {
                distribution.editAfterNextRead = false;
                distribution.configXml = distribution.configXml.replaceFirst("<Comment>[^<]*</Comment>",
                        "<Comment>" + OTHER_EDIT + "</Comment>");
                distribution.eTag++;
            }
        }
    }

    private void update(HttpExchange exchange, Distribution distribution, byte[] body) throws IOException {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null) {
            error(exchange, 400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid");
            return;
        }
        if (!ifMatch.equals(eTag(distribution))) {
            error(exchange, 412, "PreconditionFailed", "The precondition given in one or more of the request-header"
                    + " fields evaluated to false.");
            return;
        }
        Document config = parse(body);
        String missing = config == null ? "the body is not XML" : required(config.getDocumentElement());
        if (missing != null) {
            error(exchange, 400, "MalformedInput", missing);
            return;
        }
        String problem = quantities(config.getDocumentElement());
        if (problem != null) {
            error(exchange, 400, "InvalidArgument", problem);
            return;
        }
        problem = tooMany(config);
        if (problem != null) {
            error(exchange, 400, "TooManyLambdaFunctionAssociations", problem);
            return;
        }
        problem = associations(config, distribution.account);
        if (problem != null) {
            error(exchange, 400, "InvalidLambdaFunctionAssociation", problem);
            return;
        }
        distribution.configXml = onUpdate.apply(new String(body, StandardCharsets.UTF_8));
        distribution.eTag++;
        distribution.deployedAt = Instant.now().plus(deployDelay);
        reply(exchange, 200, distribution, distributionXml(distribution));
    }

    /** The members of a DistributionConfig CloudFront will not do without. */
    private static String required(Element config) {
        for (String member : List.of("CallerReference", "Origins", "DefaultCacheBehavior", "Comment", "Enabled")) {
            if (child(config, member) == null) {
                return "DistributionConfig is missing the required member " + member;
            }
        }
        return null;
    }

    /** CloudFront refuses a list without its Quantity, or whose Quantity is not the number of its Items. */
    private static String quantities(Element element) {
        Element quantity = child(element, "Quantity");
        Element items = child(element, "Items");
        if (quantity == null && items != null) {
            return element.getTagName() + ": Items without the Quantity every list must have";
        }
        if (quantity != null) {
            int count = 0;
            for (Node n = items == null ? null : items.getFirstChild(); n != null; n = n.getNextSibling()) {
                count += n instanceof Element ? 1 : 0;
            }
            if (Integer.parseInt(quantity.getTextContent().trim()) != count) {
                return element.getTagName() + ": Quantity " + quantity.getTextContent() + " but " + count + " items";
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                String problem = quantities(child);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** A cache behaviour takes at most one Lambda@Edge function per event type: four. */
    private static String tooMany(Document config) {
        NodeList lists = config.getElementsByTagName("LambdaFunctionAssociations");
        for (int i = 0; i < lists.getLength(); i++) {
            Element items = child((Element) lists.item(i), "Items");
            int count = 0;
            for (Node n = items == null ? null : items.getFirstChild(); n != null; n = n.getNextSibling()) {
                count += n instanceof Element ? 1 : 0;
            }
            if (count > 4) {
                return "Your request contains more Lambda@Edge function associations than are allowed per cache"
                        + " behavior (4): " + count;
            }
        }
        return null;
    }

    /** What CloudFront checks of a Lambda@Edge association. */
    private String associations(Document config, String account) {
        NodeList lists = config.getElementsByTagName("LambdaFunctionAssociations");
        for (int i = 0; i < lists.getLength(); i++) {
            Element items = child((Element) lists.item(i), "Items");
            java.util.Set<String> events = new java.util.HashSet<>();
            for (Node n = items == null ? null : items.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element association) {
                    String event = text(association, "EventType");
                    if (event.isEmpty() || text(association, "LambdaFunctionARN").isEmpty()) {
                        return "A Lambda@Edge function association needs a LambdaFunctionARN and an EventType";
                    }
                    if (!java.util.Set.of("viewer-request", "viewer-response", "origin-request", "origin-response")
                            .contains(event)) {
                        return "The event type '" + event + "' is not one of viewer-request, viewer-response,"
                                + " origin-request, origin-response";
                    }
                    if (!events.add(event)) {
                        return "A cache behavior can have only one function association per event type: " + event;
                    }
                    if ("true".equals(text(association, "IncludeBody")) && event.endsWith("-response")) {
                        return "IncludeBody is allowed only on viewer-request and origin-request associations: " + event;
                    }
                }
            }
        }
        NodeList all = config.getElementsByTagName("LambdaFunctionAssociation");
        for (int i = 0; i < all.getLength(); i++) {
            Element association = (Element) all.item(i);
            String arn = text(association, "LambdaFunctionARN");
            String event = text(association, "EventType");
            String[] parts = arn.split(":");
            if (parts.length != 8 || !parts[7].matches("\\d+")) {
                return "The function ARN must reference a specific function version. (" + arn + ")";
            }
            if (!parts[3].equals("us-east-1")) {
                return "The function must be in region 'us-east-1'. (" + arn + ")";
            }
            if (!parts[4].equals(account)) {
                return "You cannot associate a Lambda function with a CloudFront distribution owned by another AWS"
                        + " account. (" + arn + ")";
            }
            ObjectNode version = lambda.version(account, parts[6], parts[7]);
            if (version == null) {
                return "The function does not exist: " + arn;
            }
            if (event.startsWith("viewer-") && (version.get("Timeout").asInt() > 5
                    || version.get("MemorySize").asInt() > 128 || version.get("CodeSize").asInt() > 1024 * 1024)) {
                return "The function exceeds the viewer-trigger limits (5 s, 128 MB, 1 MB): " + arn;
            }
        }
        return null;
    }

    private boolean injected(HttpExchange exchange, String operation, String id) throws IOException {
        Duration stall = stalls.get(operation + " " + id);
        if (stall != null) {
            try {
                closed.await(stall.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
        String[] failure = failures.get(operation + " " + id);
        if (failure != null) {
            error(exchange, Integer.parseInt(failure[0]), failure[1], "failure injected by the test");
        }
        return failure != null;
    }

    private static String eTag(Distribution distribution) {
        return "E" + distribution.id.hashCode() % 1000 + "V" + distribution.eTag;
    }

    private static String distributionXml(Distribution distribution) {
        String config = distribution.configXml.replaceFirst("^<\\?xml[^>]*\\?>", "");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + NS + "\"><Id>" + distribution.id
                + "</Id><ARN>" + distribution.arn + "</ARN><Status>"
                + (Instant.now().isBefore(distribution.deployedAt) ? "InProgress" : "Deployed")
                + "</Status><LastModifiedTime>2026-11-29T07:00:00.000Z</LastModifiedTime>"
                + "<InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>"
                + distribution.id.toLowerCase() + ".cloudfront.net</DomainName>" + config + "</Distribution>";
    }

    private static void reply(HttpExchange exchange, int status, Distribution distribution, String xml)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        if (distribution != null) {
            exchange.getResponseHeaders().add("ETag", eTag(distribution));
        }
        LoopbackServer.reply(exchange, status, xml);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        reply(exchange, status, null, "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender"
                + "</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + "stand-in</RequestId></ErrorResponse>");
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception notXml) {
            return null;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        closed.countDown();
        server.close();
    }
}
