package dev.registryedge.ipmap.ranges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpRangesReaderTest {

    private static List<String> problems(String json) {
        return assertThrows(InputException.class, () -> IpRangesReader.read(Snapshots.bytes(json), "f.json")).problems();
    }

    @Test
    void readsARealSnapshot() throws Exception {
        Snapshot snapshot = IpRangesReader.read(Snapshots.august22(), "ip-ranges-2026-08-22.json");
        assertEquals("1787411825", snapshot.syncToken());
        assertEquals("2026-08-22-15-17-05", snapshot.createDate());
        assertEquals(10668 + 6160, snapshot.prefixes().size());
    }

    @Test
    void reportsTextThatIsNotJson() {
        assertEquals(List.of("f.json: not valid JSON: Unexpected character ('<' (code 60)): expected a valid value"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 1)"),
                problems("<html>"));
    }

    @Test
    void reportsEveryBadEntryWithItsPathAndValue() {
        String json = Snapshots.document("17x", "2026-13-01", "10.0.0.0/33 us-east-1 EC2", "10.0.0.1/24 us-east-1 EC2",
                "2600::/200 us-east-1 EC2", "2600::1/64 us-east-1 EC2", "10.0.0.0/8 us_east_1 EC2");
        assertEquals(List.of(
                "f.json: syncToken: '17x' is not a number of seconds (0 to 9223372036854775807)",
                "f.json: createDate: '2026-13-01' is not a date of the form yyyy-MM-dd-HH-mm-ss",
                "f.json: prefixes[0].ip_prefix: '10.0.0.0/33' is not an IPv4 CIDR block with its host bits clear",
                "f.json: prefixes[1].ip_prefix: '10.0.0.1/24' is not an IPv4 CIDR block with its host bits clear",
                "f.json: prefixes[2].region: 'us_east_1' is not a region name",
                "f.json: ipv6_prefixes[0].ipv6_prefix: '2600::/200' is not an IPv6 CIDR block with its host bits clear",
                "f.json: ipv6_prefixes[1].ipv6_prefix: '2600::1/64' is not an IPv6 CIDR block with its host bits clear"),
                problems(json));
    }

    @Test
    void reportsMissingFieldsAndAddressesOfTheWrongFamily() {
        String json = """
                {"syncToken": "1", "createDate": "2026-01-01-00-00-00",
                 "prefixes": [{"ip_prefix": "10.0.0.0/8", "service": "EC2"},
                              {"ipv6_prefix": "2600::/16", "region": "us-east-1", "service": "EC2"},
                              {"ip_prefix": "2600::/16", "region": "us-east-1", "service": "EC2"},
                              {"ip_prefix": "10.0.0.0/8", "region": "us-east-1", "service": 5}]}
                """;
        assertEquals(List.of(
                "f.json: prefixes[0].region: is missing",
                "f.json: prefixes[1].ipv6_prefix: unknown field (expected one of ip_prefix, network_border_group, region, service)",
                "f.json: prefixes[1].ipv6_prefix: an IPv6 prefix does not belong in prefixes",
                "f.json: prefixes[2].ip_prefix: '2600::/16' is not an IPv4 CIDR block with its host bits clear",
                "f.json: prefixes[3].service: 5 is not a string",
                "f.json: ipv6_prefixes: is missing"),
                problems(json));
    }

    @Test
    void rejectsADocumentThatIsNotAnObject() {
        assertEquals(List.of("f.json: expected a JSON object at the top level, found an array"), problems("[1, 2]"));
    }

    @Test
    void refusesPrefixesTooLargeToBeOneAwsNetwork() throws Exception {
        String json = Snapshots.document("1", "2026-01-01-00-00-00", "0.0.0.0/0 us-east-1 EC2", "0.0.0.0/7 us-east-1 EC2",
                "0.0.0.0/8 us-east-1 EC2", "::/0 us-east-1 EC2", "2600::/15 us-east-1 AMAZON", "2600::/16 us-east-1 EC2");
        assertEquals(List.of(
                "f.json: prefixes[0].ip_prefix: '0.0.0.0/0' is implausibly large for one AWS network (AWS publishes"
                        + " nothing shorter than /11; the limit is /8): do not use this snapshot, and check where it"
                        + " came from",
                "f.json: prefixes[1].ip_prefix: '0.0.0.0/7' is implausibly large for one AWS network (AWS publishes"
                        + " nothing shorter than /11; the limit is /8): do not use this snapshot, and check where it"
                        + " came from",
                "f.json: ipv6_prefixes[0].ipv6_prefix: '::/0' is implausibly large for one AWS network (AWS publishes"
                        + " nothing shorter than /32; the limit is /16): do not use this snapshot, and check where it"
                        + " came from",
                "f.json: ipv6_prefixes[1].ipv6_prefix: '2600::/15' is implausibly large for one AWS network (AWS"
                        + " publishes nothing shorter than /32; the limit is /16): do not use this snapshot, and check"
                        + " where it came from"),
                problems(json));
        assertEquals(2, IpRangesReader.read(Snapshots.bytes(Snapshots.document("1", "2026-01-01-00-00-00",
                "0.0.0.0/8 us-east-1 EC2", "2600::/16 us-east-1 EC2")), "f.json").prefixes().size());
    }

    @Test
    void refusesASyncTokenBeyondALong() throws Exception {
        assertEquals(List.of("f.json: syncToken: '9999999999999999999' is not a number of seconds (0 to"
                + " 9223372036854775807)"),
                problems(Snapshots.document("9999999999999999999", "2026-01-01-00-00-00", "10.0.0.0/8 us-east-1 EC2")));
        assertEquals(List.of("f.json: syncToken: '\\uff11\\uff12' is not a number of seconds (0 to 9223372036854775807)"),
                problems(Snapshots.document("\uff11\uff12", "2026-01-01-00-00-00", "10.0.0.0/8 us-east-1 EC2")));
        assertEquals("9223372036854775807", IpRangesReader.read(Snapshots.bytes(Snapshots.document("9223372036854775807",
                "2026-01-01-00-00-00", "10.0.0.0/8 us-east-1 EC2")), "f.json").syncToken());
    }

    @Test
    void refusesPrefixesWrittenWithNonAsciiDigits() {
        assertEquals(List.of(
                "f.json: prefixes[0].ip_prefix: '\uff15\uff12.20.0.0/14' is not an IPv4 CIDR block with its host bits"
                        + " clear",
                "f.json: prefixes[1].ip_prefix: '52.20.0.0/\u0661\u0664' is not an IPv4 CIDR block with its host bits"
                        + " clear",
                "f.json: ipv6_prefixes[0].ipv6_prefix: '\uff12\uff16\uff10\uff10:1f18::/32' is not an IPv6 CIDR block"
                        + " with its host bits clear"),
                problems(Snapshots.document("1", "2026-01-01-00-00-00", "\uff15\uff12.20.0.0/14 us-east-1 EC2",
                        "52.20.0.0/\u0661\u0664 us-east-1 EC2", "\uff12\uff16\uff10\uff10:1f18::/32 us-east-1 EC2")));
    }
}
