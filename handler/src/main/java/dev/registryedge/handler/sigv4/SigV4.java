package dev.registryedge.handler.sigv4;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of Signature Version 4 that presigned URLs and signed requests share: encoding,
 * timestamps, the signing key and the signature over a canonical request.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The SHA-256 of an empty payload. */
    public static final String EMPTY_PAYLOAD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SigV4() {}

    /**
     * RFC 3986 percent-encoding as SigV4 wants it: everything but {@code A-Z a-z 0-9 - . _ ~}
     * is encoded, and {@code /} too unless {@code keepSlashes}.
     */
    public static String uriEncode(String text, boolean keepSlashes) {
        if (unreserved(text, keepSlashes)) {
            return text; // blob keys, bucket names, dates: nothing to encode and nothing to allocate
        }
        byte[] bytes = utf8(text);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (c == '/' && keepSlashes)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(String text, boolean keepSlashes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (c == '/' && keepSlashes))) {
                return false;
            }
        }
        return true;
    }

    /** The second and its {@link #amzDate}: requests in the same second share the text. */
    private record Stamp(long second, String text) {}

    private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, null);

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, computed without java.time (absent from the JavaScript build). */
    public static String amzDate(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        Stamp stamp = lastStamp;
        if (stamp.second() != second) {
            stamp = new Stamp(second, formatAmzDate(second));
            lastStamp = stamp;
        }
        return stamp.text();
    }

    private static String formatAmzDate(long seconds) {
        long days = Math.floorDiv(seconds, 86400L);
        int secondOfDay = (int) (seconds - days * 86400L);
        long[] civil = civilFromDays(days);
        return pad(civil[0], 4) + pad(civil[1], 2) + pad(civil[2], 2) + "T" + pad(secondOfDay / 3600, 2)
                + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z";
    }

    /** Parses an ISO-8601 UTC timestamp such as {@code 2026-11-28T19:00:00Z} (fractions ignored). */
    public static long parseIsoMillis(String text) {
        if (text == null || text.length() < 20 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || !text.endsWith("Z")) {
            throw new IllegalArgumentException("not an ISO-8601 UTC timestamp: " + text);
        }
        long days = daysFromCivil(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        return ((days * 24 + number(text, 11, 13)) * 60 + number(text, 14, 16)) * 60_000L
                + number(text, 17, 19) * 1000L;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ISO-8601 UTC timestamp: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // Howard Hinnant's civil-calendar algorithms.
    private static long[] civilFromDays(long days) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
    }

    private static long daysFromCivil(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    private static String pad(long value, int width) {
        StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < width) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    /** {@code <date>/<region>/<service>/aws4_request}. */
    public static String scope(String amzDate, String region, String service) {
        return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    }

    /** The hex signature of a canonical request. */
    public static String signature(AwsKeys keys, String amzDate, String region, String service,
            String canonicalRequest) {
        return signature(keys, amzDate, region, service, Sha256.start().update(canonicalRequest).finish());
    }

    /** The hex signature of a canonical request, given its SHA-256. */
    public static String signature(AwsKeys keys, String amzDate, String region, String service,
            byte[] canonicalRequestDigest) {
        byte[] key = signingKey(keys.secretAccessKey(), amzDate.substring(0, 8), region, service);
        return Sha256.hex(Sha256.hmac(key).update(ALGORITHM).update("\n").update(amzDate).update("\n")
                .update(amzDate.substring(0, 8)).update("/").update(region).update("/").update(service)
                .update("/aws4_request\n").update(Sha256.hex(canonicalRequestDigest)).finishHmac(key));
    }

    /** Signing keys by secret, day, region and service; a few dozen at most in a function's life. */
    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final int MAX_SIGNING_KEYS = 64;

    /**
     * The key derived from the secret for one day, region and service: four HMACs, two thirds of
     * the hashing of a signature, that stay the same all day, so they are done once.
     */
    static byte[] signingKey(String secret, String day, String region, String service) {
        String cacheKey = day + "/" + region + "/" + service + "/" + secret;
        byte[] cached = SIGNING_KEYS.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        byte[] key = Sha256.hmac(utf8("AWS4" + secret), utf8(day));
        key = Sha256.hmac(key, utf8(region));
        key = Sha256.hmac(key, utf8(service));
        key = Sha256.hmac(key, utf8("aws4_request"));
        if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
            SIGNING_KEYS.clear(); // renewed role keys and new days: start over rather than grow
        }
        SIGNING_KEYS.put(cacheKey, key);
        return key;
    }

    /**
     * {@code text.getBytes(UTF_8)}, byte for byte (an unpaired surrogate becomes {@code ?}), written
     * out because TeaVM's charset encoder allocates two 512-unit buffers per call, which made
     * encoding the largest cost of a presigned URL on Node.
     */
    public static byte[] utf8(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return out;
    }
}
