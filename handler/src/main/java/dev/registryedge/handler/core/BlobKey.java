package dev.registryedge.handler.core;

/**
 * Recognises the registry's blob storage paths,
 * {@code /docker/registry/v2/blobs/sha256/<2 hex>/<64 hex>/data}, spelt exactly as the
 * registry writes them: lower-case hex, the directory being the digest's first two digits.
 * Anything else names an object that may change or does not exist, and is not redirected.
 */
public final class BlobKey {

    private static final String PREFIX = "/docker/registry/v2/blobs/sha256/";
    private static final String SUFFIX = "/data";
    private static final int LENGTH = PREFIX.length() + 2 + 1 + 64 + SUFFIX.length();

    private BlobKey() {}

    /** The S3 key of a blob URI (the URI without its leading slash), or {@code null}. */
    public static String of(String uri) {
        if (uri == null || uri.length() != LENGTH || !uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)) {
            return null;
        }
        int directory = PREFIX.length();
        int digest = directory + 3;
        if (uri.charAt(directory + 2) != '/'
                || uri.charAt(directory) != uri.charAt(digest)
                || uri.charAt(directory + 1) != uri.charAt(digest + 1)) {
            return null;
        }
        for (int i = digest; i < digest + 64; i++) {
            char c = uri.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return uri.substring(1);
    }
}
