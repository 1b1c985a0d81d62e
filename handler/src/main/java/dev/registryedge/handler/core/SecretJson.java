package dev.registryedge.handler.core;

/**
 * Reads the two answers a secret's keys come from: GetSecretValue's JSON (its
 * {@code SecretString}) and the secret's own JSON ({@code accessKeyId}, {@code secretAccessKey}).
 * Top-level string members only, which is all both are; anything else is an error, never a guess.
 */
public final class SecretJson {

    /** A secret's access key pair. */
    public record KeyPair(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "KeyPair[" + accessKeyId + ", secret hidden]";
        }
    }

    /**
     * The longest access key id AWS's IAM API documents (AccessKeyId: 16 to 128 characters), and
     * the most this reads of a secret access key: S3-compatible stores' are 40 to 64.
     */
    public static final int MAX_KEY_CHARS = 128;

    private SecretJson() {}

    /** The key pair in a GetSecretValue answer. */
    public static KeyPair keyPair(String getSecretValueAnswer) {
        String secret = member(getSecretValueAnswer, "SecretString");
        if (secret == null) {
            throw new IllegalStateException("the GetSecretValue answer has no SecretString");
        }
        return keyPairOf(secret);
    }

    /** The key pair in a secret's own text. */
    public static KeyPair keyPairOf(String secret) {
        String id;
        String key;
        try {
            id = member(secret, "accessKeyId");
            key = member(secret, "secretAccessKey");
        } catch (RuntimeException unreadable) {
            // Never the cause's message: it may quote the secret's text.
            throw new IllegalStateException("the secret is not JSON with accessKeyId and secretAccessKey");
        }
        if (id == null || key == null || id.isEmpty() || key.isEmpty()) {
            // Never the secret's text: it holds the key.
            throw new IllegalStateException("the secret is not JSON with accessKeyId and secretAccessKey");
        }
        if (id.length() > MAX_KEY_CHARS || key.length() > MAX_KEY_CHARS) {
            throw new IllegalStateException("the secret's accessKeyId (" + id.length() + " characters) or"
                    + " secretAccessKey (" + key.length() + ") is longer than " + MAX_KEY_CHARS
                    + ", AWS's limit for an access key id");
        }
        return new KeyPair(id, key);
    }

    /** The {@code __type} of an AWS JSON error answer, clipped for a log line, whatever the body is. */
    public static String errorType(String body) {
        try {
            String type = member(body, "__type");
            return type == null ? "(not a JSON error)" : LogText.clip(type);
        } catch (RuntimeException notJson) {
            return "(not a JSON error)";
        }
    }

    /** The value of a top-level string member of a JSON object, or null when there is none. */
    public static String member(String json, String name) {
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '{') {
            return null;
        }
        i++;
        while (true) {
            i = skipSpace(json, i);
            if (i >= json.length() || json.charAt(i) == '}') {
                return null;
            }
            StringBuilder key = new StringBuilder();
            i = string(json, i, key);
            i = skipSpace(json, i);
            if (i >= json.length() || json.charAt(i) != ':') {
                throw new IllegalStateException("not a JSON object");
            }
            i = skipSpace(json, i + 1);
            if (i < json.length() && json.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i = string(json, i, value);
                if (key.toString().equals(name)) {
                    return value.toString();
                }
            } else {
                i = skipValue(json, i);
            }
            i = skipSpace(json, i);
            if (i < json.length() && json.charAt(i) == ',') {
                i++;
            }
        }
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && json.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** Reads the string starting at {@code i} (a quote) into {@code out}; returns the index after it. */
    private static int string(String json, int i, StringBuilder out) {
        if (i >= json.length() || json.charAt(i) != '"') {
            throw new IllegalStateException("not a JSON object");
        }
        for (i++; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (++i >= json.length()) {
                    break;
                }
                char escaped = json.charAt(i);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        int code = 0;
                        for (int digit = 1; digit <= 4; digit++) {
                            int value = i + digit < json.length() ? Character.digit(json.charAt(i + digit), 16) : -1;
                            if (value < 0) {
                                throw new IllegalStateException("not a JSON object");
                            }
                            code = code * 16 + value;
                        }
                        out.append((char) code);
                        i += 4;
                    }
                    default -> out.append(escaped);
                }
            } else {
                out.append(c);
            }
        }
        throw new IllegalStateException("not a JSON object");
    }

    /** Skips a number, literal, object or array (strings inside handled); returns the index after it. */
    private static int skipValue(String json, int i) {
        int depth = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                i = string(json, i, new StringBuilder());
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
            i++;
        }
        return i;
    }
}
