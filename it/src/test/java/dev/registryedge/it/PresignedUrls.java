package dev.registryedge.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a presigned S3 GET URL as S3 would: recomputes its SigV4 signature from the URL alone,
 * with the JDK's own SHA-256 and HMAC (neither build's code), and its validity window.
 */
final class PresignedUrls {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private PresignedUrls() {}

    /**
     * @param secrets the secret access key of each access key id that may have signed
     * @return null if S3 would accept the URL at {@code now}, else why not
     */
    static String problem(String url, Map<String, String> secrets, Instant now) throws GeneralSecurityException {
        URI uri = URI.create(url);
        Map<String, String> query = new TreeMap<>();
        for (String parameter : uri.getRawQuery().split("&")) {
            int equals = parameter.indexOf('=');
            query.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        String signature = query.remove("X-Amz-Signature");
        String[] credential = query.get("X-Amz-Credential").split("%2F");
        String secret = secrets.get(credential[0]);
        if (secret == null) {
            return "signed by an unknown key " + credential[0];
        }
        Instant signedAt = Instant.from(AMZ_DATE.parse(query.get("X-Amz-Date")));
        if (now.isAfter(signedAt.plusSeconds(Long.parseLong(query.get("X-Amz-Expires"))))) {
            return "expired";
        }
        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((name, value) -> canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(name)
                .append('=').append(value));
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String canonicalRequest = "GET\n" + uri.getRawPath() + "\n" + canonicalQuery + "\nhost:" + host
                + "\n\nhost\nUNSIGNED-PAYLOAD";
        String scope = credential[1] + "/" + credential[2] + "/" + credential[3] + "/" + credential[4];
        String stringToSign = "AWS4-HMAC-SHA256\n" + query.get("X-Amz-Date") + "\n" + scope + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), credential[1]);
        for (int i = 2; i < 5; i++) {
            key = hmac(key, credential[i]);
        }
        String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
        return expected.equals(signature) ? null : "signature " + signature + " is not " + expected;
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
