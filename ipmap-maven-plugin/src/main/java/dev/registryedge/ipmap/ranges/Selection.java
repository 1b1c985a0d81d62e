package dev.registryedge.ipmap.ranges;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which prefixes of a snapshot go into a map.
 *
 * @param services service names to keep, exactly as AWS spells them (e.g. {@code EC2})
 * @param regions region glob patterns ({@code *} and {@code ?}), e.g. {@code us-*}
 * @param ipv4 whether to keep IPv4 prefixes
 * @param ipv6 whether to keep IPv6 prefixes
 */
public record Selection(List<String> services, List<String> regions, boolean ipv4, boolean ipv6) {

    public Selection {
        services = List.copyOf(services);
        regions = List.copyOf(regions);
    }

    /** EC2, every region, both families: what a client's region is judged by. */
    public static Selection defaults() {
        return new Selection(List.of("EC2"), List.of("*"), true, true);
    }

    /** The prefixes of the snapshot this selection keeps, in file order. */
    public List<PublishedPrefix> apply(Snapshot snapshot) {
        List<Pattern> regionPatterns = regions.stream().map(Selection::globToPattern).toList();
        List<PublishedPrefix> kept = new ArrayList<>();
        for (PublishedPrefix prefix : snapshot.prefixes()) {
            boolean familyKept = prefix.family() == AddressFamily.IPV4 ? ipv4 : ipv6;
            if (familyKept && services.contains(prefix.service())
                    && regionPatterns.stream().anyMatch(p -> p.matcher(prefix.region()).matches())) {
                kept.add(prefix);
            }
        }
        return kept;
    }

    private static Pattern globToPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        String families = ipv4 && ipv6 ? "IPv4 and IPv6" : ipv4 ? "IPv4 only" : ipv6 ? "IPv6 only" : "no address family";
        return "services " + services + ", regions " + regions + ", " + families;
    }
}
