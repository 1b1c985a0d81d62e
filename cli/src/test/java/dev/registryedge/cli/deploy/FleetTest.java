package dev.registryedge.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registryedge.handler.fixture.FixtureRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fleet file: read whole, or refused with the file, the member and the value that is wrong. */
class FleetTest {

    /** Every distribution of the fixture's routing configuration, in the account given. */
    private static final String DISTRIBUTIONS = """
            "distributions": {"E2KP8SMSY4XB67": {"account": "059165973077"}, "E2PBG0JIU6CTJY": {"account": "%s"},
              "E1Q1256FT1FBYD": {"account": "%s"}, "E1PPY7S6SRDS9W": {"account": "%s"},
              "E2B105Z8OCWZSC": {"account": "%s"}, "E2N1Y2UGVWY8LA": {"account": "%s"}}""";

    @TempDir
    Path dir;

    @Test
    void eachDistributionIsInItsAccountWithItsRoleAndFunction() throws IOException {
        Fleet fleet = read("""
                {"accounts": {"059165973077": {"roleArn": "arn:aws:iam::059165973077:role/registry-edge-operator",
                                               "function": "edge"},
                              "210987654321": {}},
                %s}""".formatted(farmsIn("210987654321")));
        assertEquals(new Fleet.Account("059165973077", Optional.of("arn:aws:iam::059165973077:role/registry-edge-operator"),
                "edge"), fleet.accountOf("E2KP8SMSY4XB67"));
        assertEquals(new Fleet.Account("210987654321", Optional.empty(), "registry-edge"), fleet.accountOf("E1Q1256FT1FBYD"));
        assertEquals(FixtureRouting.config().distributions().keySet(), fleet.accountOf().keySet());
        assertEquals(true, fleet.isFile());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"accounts\": {\"0591\": {}}} | accounts.0591: '0591' is not an AWS account id (12 digits)",
        "{\"accounts\": {\"059165973077\": {\"roleArn\": \"arn:aws:iam::210987654321:role/x\"}}} | accounts.059165973077.roleArn: 'arn:aws:iam::210987654321:role/x' is not an IAM role ARN in account 059165973077",
        "{\"accounts\": {\"059165973077\": {\"function\": \"a:b\"}}} | accounts.059165973077.function: 'a:b' is not a Lambda function name",
        "{\"accounts\": {\"059165973077\": {\"role\": \"x\"}}} | accounts.059165973077.role: unknown member (known: function, roleArn)",
        "{\"accounts\": {\"059165973077\": {\"roleArn\": 7}}} | accounts.059165973077.roleArn: '7' is not a string",
        "{\"accounts\": {}} | accounts: '{}' is not at least one account",
        "{\"accounts\": [] } | accounts must be an object, not array",
        "{\"acounts\": {}} | acounts: unknown member (known: accounts, distributions)",
        "{\"accounts\": {\"059165973077\": {}}, \"distributions\": {\"EXXX\": {\"account\": \"059165973077\"}}} | distributions: 'EXXX' is not a distribution of the routing configuration",
        "{\"accounts\": {\"059165973077\": {}}, \"distributions\": {\"E2KP8SMSY4XB67\": {\"account\": \"111111111111\"}}} | distributions.E2KP8SMSY4XB67.account: '111111111111' is not one of the accounts listed (059165973077)",
        "{\"accounts\": {\"059165973077\": {}}, \"distributions\": {\"E2KP8SMSY4XB67\": {}}} | distributions.E2KP8SMSY4XB67.account is missing",
        "{\"accounts\": {\"059165973077\": {}}, \"distributions\": {\"E2KP8SMSY4XB67\": {\"account\": \"059165973077\"}}} | distributions: E2PBG0JIU6CTJY, E1Q1256FT1FBYD, E1PPY7S6SRDS9W, E2B105Z8OCWZSC, E2N1Y2UGVWY8LA of the routing configuration not listed",
        "{\"accounts\": | not JSON: ",
        "{\"accounts\": {\"059165973077\": {}, \"059165973077\": {}}} | not JSON: Duplicate field '059165973077'",
    })
    void aFileBreakingARuleIsRefusedNamingTheMemberAndTheValue(String json, String message) throws IOException {
        Path file = dir.resolve("fleet.json");
        Files.writeString(file, json);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Fleet.read(file, FixtureRouting.config(), "registry-edge"));
        assertEquals(true, refused.getMessage().startsWith(file + ": " + message.strip()), refused.getMessage());
    }

    @Test
    void aMissingFileIsSaidSo() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Fleet.read(dir.resolve("none.json"), FixtureRouting.config(), "registry-edge"));
        assertEquals(dir.resolve("none.json") + ": no such file", refused.getMessage());
    }

    private static String farmsIn(String account) {
        return DISTRIBUTIONS.formatted(account, account, account, account, account);
    }

    private Fleet read(String json) throws IOException {
        Path file = dir.resolve("fleet.json");
        Files.writeString(file, json);
        return Fleet.read(file, FixtureRouting.config(), "registry-edge");
    }
}
