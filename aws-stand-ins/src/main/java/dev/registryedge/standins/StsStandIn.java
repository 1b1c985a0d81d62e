package dev.registryedge.standins;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * STS's AssumeRole and GetCallerIdentity (Query protocol, 2011-06-15) on 127.0.0.1, the way an
 * operator reaches the other accounts of a fleet: checks SigV4 (service {@code sts}, us-east-1),
 * tells a key's account, answers a role it
 * knows with a temporary key of the role's account, which the other stand-ins sharing the same
 * {@link AccessKeys} then accept for that account only, and answers AccessDenied for a role it
 * does not know or one {@link #deny denied}.
 */
public final class StsStandIn implements AutoCloseable {

    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final LoopbackServer server;
    private final SigV4Verifier signatures;
    private final AccessKeys keys;
    private final Set<String> roles = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    /** Calls in order: "AssumeRole ROLE-ARN SESSION-NAME". */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public StsStandIn(AccessKeys keys) {
        this.keys = keys;
        this.signatures = new SigV4Verifier("sts", "us-east-1", keys);
        server = new LoopbackServer(this::answer);
    }

    public URI uri() {
        return server.uri();
    }

    /** A role that exists, in the account its ARN names. */
    public StsStandIn role(String roleArn) {
        roles.add(roleArn);
        return this;
    }

    /** The role exists but its trust policy does not let the caller in. */
    public StsStandIn deny(String roleArn) {
        denied.add(roleArn);
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String problem = signatures.problem(exchange, body);
        if (problem != null) {
            error(exchange, 403, "SignatureDoesNotMatch", problem);
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String caller = signatures.account(exchange);
        if ("GetCallerIdentity".equals(form.get("Action")) && "2011-06-15".equals(form.get("Version"))) {
            calls.add("GetCallerIdentity " + caller);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            LoopbackServer.reply(exchange, 200, "<GetCallerIdentityResponse xmlns=\"" + NS + "\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + caller + ":user/operator</Arn><UserId>AIDASTANDIN"
                    + "</UserId><Account>" + caller + "</Account></GetCallerIdentityResult><ResponseMetadata>"
                    + "<RequestId>stand-in</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            return;
        }
        if (!"AssumeRole".equals(form.get("Action")) || !"2011-06-15".equals(form.get("Version"))) {
            error(exchange, 400, "InvalidAction", "Could not find operation " + form.get("Action") + " for version "
                    + form.get("Version"));
            return;
        }
        String roleArn = form.getOrDefault("RoleArn", "");
        String session = form.getOrDefault("RoleSessionName", "");
        calls.add("AssumeRole " + roleArn + " " + session);
        if (!session.matches("[\\w+=,.@-]{2,64}")) {
            error(exchange, 400, "ValidationError", "1 validation error detected: Value '" + session + "' at"
                    + " 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
            return;
        }
        if (!roles.contains(roleArn) || denied.contains(roleArn)) {
            error(exchange, 403, "AccessDenied", "User: arn:aws:iam::" + caller + ":user/operator is not authorized"
                    + " to perform: sts:AssumeRole on resource: " + roleArn);
            return;
        }
        String account = roleArn.split(":")[4];
        String[] id = new String[1];
        AccessKeys.Key key = keys.issue(account, id);
        int seconds = Integer.parseInt(form.getOrDefault("DurationSeconds", "3600"));
        String role = roleArn.substring(roleArn.indexOf(":role/") + ":role/".length());
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        LoopbackServer.reply(exchange, 200, "<AssumeRoleResponse xmlns=\"" + NS + "\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + id[0] + "</AccessKeyId><SecretAccessKey>" + key.secret()
                + "</SecretAccessKey><SessionToken>" + key.sessionToken() + "</SessionToken><Expiration>"
                + Instant.now().plus(Duration.ofSeconds(seconds)).truncatedTo(ChronoUnit.SECONDS)
                + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROASTANDIN:" + session
                + "</AssumedRoleId><Arn>arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session
                + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>stand-in</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        LoopbackServer.reply(exchange, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>"
                + "<RequestId>stand-in</RequestId></ErrorResponse>");
    }

    @Override
    public void close() {
        server.close();
    }
}
