package dev.registryedge.handler.sigv4;

import java.nio.charset.StandardCharsets;

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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
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

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, computed without java.time (absent from the JavaScript build). */
    public static String amzDate(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
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
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope(amzDate, region, service) + "\n"
                + Sha256.hex(Sha256.digest(utf8(canonicalRequest)));
        byte[] key = Sha256.hmac(utf8("AWS4" + keys.secretAccessKey()), utf8(amzDate.substring(0, 8)));
        key = Sha256.hmac(key, utf8(region));
        key = Sha256.hmac(key, utf8(service));
        key = Sha256.hmac(key, utf8("aws4_request"));
        return Sha256.hex(Sha256.hmac(key, utf8(stringToSign)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
