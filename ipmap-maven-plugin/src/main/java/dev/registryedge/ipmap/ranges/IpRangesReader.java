package dev.registryedge.ipmap.ranges;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.json.JsonObject;
import dev.registryedge.ipmap.json.Problems;
import dev.registryedge.ipmap.lookup.IpLiteral;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and validates {@code ip-ranges.json}, reporting every bad entry with its JSON path. */
public final class IpRangesReader {

    /**
     * The shortest prefixes believed. AWS's shortest published prefixes of any service are /11
     * (IPv4) and /32 (IPv6) in every snapshot from 2023-05 to 2026-08; a /0 or /1 would place
     * every client (or half the internet) in one region and send it to S3. The floors leave
     * room for AWS to publish blocks 8 (IPv4) and 65,536 (IPv6) times larger than today's
     * largest before a snapshot is refused.
     */
    static final int SHORTEST_IPV4 = 8;
    static final int SHORTEST_IPV6 = 16;

    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss");

    private IpRangesReader() {}

    /**
     * @param source how to name the document in messages (a file path or a URL)
     * @throws InputException listing every problem found
     */
    public static Snapshot read(byte[] content, String source) throws InputException {
        Problems problems = new Problems(source);
        JsonObject root = JsonObject.parse(content, problems);

        String syncToken = root.requiredString("syncToken");
        if (syncToken != null && !isSeconds(syncToken)) {
            problems.add("syncToken", Problems.quote(syncToken) + " is not a number of seconds (0 to " + Long.MAX_VALUE
                    + ")");
        }
        String createDate = root.requiredString("createDate");
        if (createDate != null) {
            try {
                parseCreateDate(createDate);
            } catch (DateTimeParseException e) {
                problems.add("createDate", "'" + createDate + "' is not a date of the form yyyy-MM-dd-HH-mm-ss");
            }
        }

        List<PublishedPrefix> prefixes = new ArrayList<>();
        readPrefixes(root, "prefixes", "ip_prefix", AddressFamily.IPV4, prefixes);
        readPrefixes(root, "ipv6_prefixes", "ipv6_prefix", AddressFamily.IPV6, prefixes);
        problems.throwIfAny();
        return new Snapshot(syncToken, createDate, prefixes);
    }

    /** Whether the text is a decimal number, in ASCII digits, that fits a {@code long}. */
    private static boolean isSeconds(String text) {
        if (!text.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static LocalDateTime parseCreateDate(String createDate) {
        return LocalDateTime.parse(createDate, CREATE_DATE);
    }

    private static void readPrefixes(JsonObject root, String arrayField, String prefixField, AddressFamily family,
            List<PublishedPrefix> into) {
        List<JsonObject> entries = root.objectList(arrayField);
        if (entries == null) {
            root.problems().add(arrayField, "is missing");
            return;
        }
        String otherField = family == AddressFamily.IPV4 ? "ipv6_prefix" : "ip_prefix";
        for (JsonObject entry : entries) {
            entry.allowOnly(Set.of(prefixField, "region", "service", "network_border_group"));
            if (entry.has(otherField)) {
                // allowOnly has already reported the field; say what it means.
                entry.problems().add(entry.pathOf(otherField), "an " + (family == AddressFamily.IPV4 ? "IPv6" : "IPv4")
                        + " prefix does not belong in " + arrayField);
                continue;
            }
            String cidr = entry.requiredString(prefixField);
            String region = entry.requiredString("region");
            String service = entry.requiredString("service");
            if (region != null && !region.matches("[A-Za-z0-9-]+")) {
                entry.problems().add(entry.pathOf("region"), "'" + region + "' is not a region name");
            }
            if (cidr == null || region == null || service == null) {
                continue;
            }
            PublishedPrefix prefix = parsePrefix(family, cidr, region, service);
            int shortest = family == AddressFamily.IPV4 ? SHORTEST_IPV4 : SHORTEST_IPV6;
            if (prefix == null) {
                entry.problems().add(entry.pathOf(prefixField), "'" + cidr + "' is not an "
                        + (family == AddressFamily.IPV4 ? "IPv4" : "IPv6") + " CIDR block with its host bits clear");
            } else if (prefix.length() < shortest) {
                entry.problems().add(entry.pathOf(prefixField), "'" + cidr + "' is implausibly large for one AWS"
                        + " network (AWS publishes nothing shorter than /" + (family == AddressFamily.IPV4 ? 11 : 32)
                        + "; the limit is /" + shortest + "): do not use this snapshot, and check where it came from");
            } else {
                into.add(prefix);
            }
        }
    }

    /** Parses a CIDR of the given family; {@code null} when it is not one. */
    static PublishedPrefix parsePrefix(AddressFamily family, String cidr, String region, String service) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(slash + 1).matches("[0-9]{1,3}")) {
            return null;
        }
        String address = cidr.substring(0, slash);
        int length = Integer.parseInt(cidr.substring(slash + 1));
        if (family == AddressFamily.IPV4) {
            long first = IpLiteral.parseIpv4(address);
            if (first == IpLiteral.NOT_IPV4 || length > 32) {
                return null;
            }
            boolean hostBitsClear = (first & ((1L << (32 - length)) - 1)) == 0;
            return hostBitsClear ? new PublishedPrefix(family, cidr, first, length, region, service) : null;
        }
        if (!IpLiteral.looksLikeIpv6(address) || length > 128) {
            return null;
        }
        long high64;
        try {
            high64 = IpLiteral.parseIpv6High64(address);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger hostBits = BigInteger.ONE.shiftLeft(128 - length).subtract(BigInteger.ONE);
        if (!ipv6Value(address).and(hostBits).equals(BigInteger.ZERO)) {
            return null;
        }
        return new PublishedPrefix(family, cidr, high64, length, region, service);
    }

    /** All 128 bits of an IPv6 literal that {@link IpLiteral} has already accepted. */
    private static BigInteger ipv6Value(String address) {
        String text = address;
        int dot = text.indexOf('.');
        if (dot >= 0) {
            int colon = text.lastIndexOf(':');
            long v4 = IpLiteral.parseIpv4(text.substring(colon + 1));
            text = text.substring(0, colon + 1) + Long.toHexString(v4 >>> 16) + ":" + Long.toHexString(v4 & 0xffff);
        }
        String[] halves = text.split("::", -1);
        List<String> head = groups(halves[0]);
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        List<String> all = new ArrayList<>(head);
        while (all.size() + tail.size() < 8) {
            all.add("0");
        }
        all.addAll(tail);
        BigInteger value = BigInteger.ZERO;
        for (String group : all) {
            value = value.shiftLeft(16).add(BigInteger.valueOf(Integer.parseInt(group, 16)));
        }
        return value;
    }

    private static List<String> groups(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(":"));
    }
}
