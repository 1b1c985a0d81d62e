package dev.registryedge.ipmap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Test inputs: real snapshots frozen as fixtures, and small hand-made documents. None is the
 * project's data/ip-ranges.json, so refreshing that leaves every test as it was.
 */
public final class Snapshots {

    private Snapshots() {}

    /** The whole ip-ranges.json AWS published on 2026-08-22 (syncToken 1787411825), every service. */
    public static byte[] august22() {
        return resource("/snapshots/ip-ranges-2026-08-22.json.gz");
    }

    /**
     * A small ip-ranges.json: each entry is "cidr region service"; a colon in the cidr makes it
     * an IPv6 entry.
     */
    public static String document(String syncToken, String createDate, String... entries) {
        StringBuilder v4 = new StringBuilder();
        StringBuilder v6 = new StringBuilder();
        for (String entry : entries) {
            String[] parts = entry.split(" ");
            boolean ipv6 = parts[0].contains(":");
            StringBuilder into = ipv6 ? v6 : v4;
            into.append(into.length() == 0 ? "" : ",\n")
                    .append("    {\"").append(ipv6 ? "ipv6_prefix" : "ip_prefix").append("\": \"").append(parts[0])
                    .append("\", \"region\": \"").append(parts[1]).append("\", \"service\": \"").append(parts[2])
                    .append("\", \"network_border_group\": \"").append(parts[1]).append("\"}");
        }
        return "{\n  \"syncToken\": \"" + syncToken + "\",\n  \"createDate\": \"" + createDate + "\",\n"
                + "  \"prefixes\": [\n" + v4 + "\n  ],\n  \"ipv6_prefixes\": [\n" + v6 + "\n  ]\n}\n";
    }

    /** A test resource, gunzipped when its name ends in {@code .gz}. */
    public static byte[] resource(String name) {
        try (InputStream in = Snapshots.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
