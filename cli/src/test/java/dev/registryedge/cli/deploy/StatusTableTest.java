package dev.registryedge.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What status shows of a published version, from Lambda's LastModified in any ISO-8601 precision. */
class StatusTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T10:00:00+0000", "2026-11-29T10:00:00.1+0000", "2026-11-29T10:00:00.320+0000",
        "2026-11-29T10:00:00.123456+0000", "2026-11-29T10:00:00.123456789+0000"})
    void thePublishedDateReadsWhateverTheFractionOfASecond(String lastModified) {
        StatusTable table = new StatusTable(InstantSource.fixed(Instant.parse("2026-12-01T10:00:01Z")));
        table.add("E2KP8SMSY4XB67", "app.ci", "123456789012", true, Optional.of("arn:aws:lambda:us-east-1:123456789012:function:registry-edge:7"),
                Optional.of(new StatusTable.Version("sha", "registry-edge: ip-ranges createDate 2026-08-22-15-17-05"
                        + " syncToken 1", lastModified)), Optional.empty(), "Deployed");
        assertEquals("2026-11-29 (2 days ago)", table.records().get(0).get("published"));
    }
}
