package dev.registryedge.cli.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The function's zip as built, checked for what Lambda@Edge refuses only after an upload: its
 * size limit for viewer-request functions and the {@code index.js} the handler names.
 *
 * @param codeSha256 as Lambda reports a function's code: Base64 of the zip's SHA-256
 */
public record LocalZip(Path path, byte[] bytes, String codeSha256) {

    /** Reads and checks the zip; the message of the exception says what is wrong and what to do. */
    public static LocalZip read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot be read (" + e + "); build it with `mvn package`");
        }
        if (bytes.length > Operations.VIEWER_REQUEST_ZIP_LIMIT) {
            throw new IllegalArgumentException(path + ": " + bytes.length + " bytes, over Lambda@Edge's "
                    + Operations.VIEWER_REQUEST_ZIP_LIMIT + " for a viewer-request function");
        }
        boolean hasIndex = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                hasIndex |= entry.getName().equals("index.js");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": not a zip (" + e.getMessage() + ")");
        }
        if (!hasIndex) {
            throw new IllegalArgumentException(path + ": no index.js at the top, which the handler index.handler needs;"
                    + " is this the Node.js build (edge-function.zip)?");
        }
        try {
            return new LocalZip(path, bytes, Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
