package dev.registryedge.standins;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a header-signed AWS request as an AWS service does: recomputes the SigV4 signature from
 * what arrived (path encoded twice, as every service but S3 expects), with the JDK's own SHA-256
 * and HMAC, so that it shares no code with the signer under test; and checks the credential
 * scope names this service in us-east-1 and the clock is within 15 minutes. A temporary key
 * must come with the session token it was issued with.
 */
public final class SigV4Verifier {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String service;
    private final String region;
    private final AccessKeys keys;

    public SigV4Verifier(String service, String region, Map<String, String> secretsByAccessKey) {
        this(service, region, AccessKeys.of(secretsByAccessKey));
    }

    /** @param region the only region a request may be signed for; null for a regional service in every region */
    public SigV4Verifier(String service, String region, AccessKeys keys) {
        this.service = service;
        this.region = region;
        this.keys = keys;
    }

    /** The region the request was signed for (call after {@link #problem} found none). */
    public String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int at = authorization.indexOf("Credential=");
        return authorization.substring(at + "Credential=".length()).split("/")[2];
    }

    /** The account whose key signed the request (call after {@link #problem} found none). */
    public String account(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int at = authorization.indexOf("Credential=");
        String key = authorization.substring(at + "Credential=".length()).split("/")[0];
        return keys.accountOf(key);
    }

    /** Null when the request is signed as the service expects, else what is wrong with it. */
    public String problem(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return "not signed with AWS4-HMAC-SHA256: " + authorization;
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",\\s*")) {
            if (part.startsWith("Credential=")) {
                credential = part.substring("Credential=".length());
            } else if (part.startsWith("SignedHeaders=")) {
                signedHeaders = part.substring("SignedHeaders=".length());
            } else if (part.startsWith("Signature=")) {
                signature = part.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return "incomplete Authorization header: " + authorization;
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return "malformed credential scope: " + credential;
        }
        if ((region != null && !scope[2].equals(region)) || !scope[3].equals(service)) {
            return "credential scope " + scope[2] + "/" + scope[3] + ", expected " + region + "/" + service;
        }
        AccessKeys.Key issued = keys.get(scope[0]);
        if (issued == null) {
            return "unknown access key " + scope[0];
        }
        String secret = issued.secret();
        if (issued.sessionToken() != null && !issued.sessionToken().equals(
                exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))) {
            return "temporary key " + scope[0] + " without the session token it was issued with";
        }
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(scope[1])) {
            return "X-Amz-Date " + amzDate + " does not match the scope's date " + scope[1];
        }
        Instant signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "signed at " + amzDate + ", more than 15 minutes from now";
        }
        if (!List.of(signedHeaders.split(";")).contains("host")) {
            return "host is not signed";
        }
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return "signed header " + name + " is missing";
            }
            List<String> trimmed = new ArrayList<>();
            values.forEach(value -> trimmed.add(value.trim().replaceAll("\\s+", " ")));
            headers.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        String payloadHash = exchange.getRequestHeaders().getFirst("X-Amz-Content-Sha256");
        String canonicalRequest = exchange.getRequestMethod() + "\n"
                + encode(exchange.getRequestURI().getRawPath(), false) + "\n"
                + canonicalQuery(exchange.getRequestURI().getRawQuery()) + "\n"
                + headers + "\n" + signedHeaders + "\n"
                + (payloadHash != null ? payloadHash : hex(sha256(body)));
        String signedRegion = scope[2];
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "/" + signedRegion + "/" + service
                + "/aws4_request\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, signedRegion);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(signature) ? null : "signature does not match; canonical request was:\n" + canonicalRequest;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(encode(decode(name), true) + "=" + encode(decode(value), true));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX; '/' stays in paths. */
    private static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
