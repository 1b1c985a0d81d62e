package dev.registryedge.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * A CloudFront key pair: the registry signs blob URLs with the private half (canned policy,
 * RSA-SHA1), the stand-in checks them with the public half, as CloudFront does.
 */
final class CloudFrontKeys {

    static final String KEY_PAIR_ID = "K2REGISTRYEDGETEST";

    private final KeyPair pair;

    CloudFrontKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    /**
     * Writes the private key as PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), the only form the
     * registry's middleware reads. Java encodes PKCS#8, which wraps the PKCS#1 structure in an
     * OCTET STRING: this unwraps it.
     */
    Path writePrivateKey(Path file) throws Exception {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        Der outer = new Der(pkcs8, 0);
        Der version = new Der(pkcs8, outer.contentStart);
        Der algorithm = new Der(pkcs8, version.end);
        Der octets = new Der(pkcs8, algorithm.end);
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, octets.contentStart, octets.end);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        return Files.writeString(file, pem);
    }

    /** One DER element's extent. */
    private static final class Der {
        final int contentStart;
        final int end;

        Der(byte[] bytes, int at) {
            int length = bytes[at + 1] & 0xff;
            int headerEnd = at + 2;
            if (length > 0x7f) {
                int count = length & 0x7f;
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[headerEnd + i] & 0xff);
                }
                headerEnd += count;
            }
            contentStart = headerEnd;
            end = headerEnd + length;
        }
    }

    /** Whether the signed URL's canned policy verifies for this resource and has not expired. */
    /** A canned-policy signature, as the registry's middleware makes one, in CloudFront's URL-safe base64. */
    String sign(String resource, long expires) throws Exception {
        Signature rsa = Signature.getInstance("SHA1withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(policy(resource, Long.toString(expires)).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign()).replace('+', '-').replace('=', '_').replace('/', '~');
    }

    private static String policy(String resource, String expires) {
        return "{\"Statement\":[{\"Resource\":\"" + resource
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}";
    }

    String check(String resource, String expires, String signature, String keyPairId, long nowSeconds) {
        if (!KEY_PAIR_ID.equals(keyPairId)) {
            return "unknown Key-Pair-Id";
        }
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            return "no canned-policy signature";
        }
        if (Long.parseLong(expires) <= nowSeconds) {
            return "expired";
        }
        String policy = policy(resource, expires);
        try {
            Signature rsa = Signature.getInstance("SHA1withRSA");
            rsa.initVerify(pair.getPublic());
            rsa.update(policy.getBytes(StandardCharsets.UTF_8));
            byte[] decoded = Base64.getDecoder().decode(signature.replace('-', '+').replace('_', '=').replace('~', '/'));
            return rsa.verify(decoded) ? null : "bad signature";
        } catch (Exception e) {
            return "bad signature: " + e.getMessage();
        }
    }
}
