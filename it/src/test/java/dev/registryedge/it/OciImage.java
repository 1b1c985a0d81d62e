package dev.registryedge.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer image written as an OCI layout for skopeo to push. Layers are gzip streams of
 * random bytes: skopeo compresses whatever does not look compressed, which would change the
 * digests the test checks.
 */
final class OciImage {

    final Path layout;
    final List<String> layers = new ArrayList<>();
    final String config;
    final String manifest;

    OciImage(Path layout, long seed, int... layerSizes) throws Exception {
        this.layout = layout;
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Random random = new Random(seed);
        StringBuilder layerJson = new StringBuilder();
        StringBuilder diffIds = new StringBuilder();
        for (int size : layerSizes) {
            byte[] raw = new byte[size];
            random.nextBytes(raw);
            java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
                gzip.write(raw);
            }
            byte[] content = gzipped.toByteArray();
            String digest = write(content);
            layers.add(digest);
            layerJson.append(layerJson.length() == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                    + "\"digest\":\"sha256:").append(digest).append("\",\"size\":").append(content.length).append('}');
            diffIds.append(diffIds.length() == 0 ? "" : ",").append("\"sha256:").append(digest).append('"');
        }
        byte[] configBytes = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
        config = write(configBytes);
        byte[] manifestBytes = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:" + config
                + "\",\"size\":" + configBytes.length + "},\"layers\":[" + layerJson + "]}").getBytes(StandardCharsets.UTF_8);
        manifest = write(manifestBytes);
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + manifest + "\",\"size\":"
                + manifestBytes.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
    }

    /** Every blob a pull fetches: the layers and the config. */
    List<String> blobs() {
        List<String> blobs = new ArrayList<>(layers);
        blobs.add(config);
        return blobs;
    }

    private String write(byte[] content) throws Exception {
        String digest = sha256(content);
        Files.write(layout.resolve("blobs/sha256").resolve(digest), content);
        return digest;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
