package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.ipmap.routing.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renewal policy both builds use for assumed-role keys. */
class RoleKeysTest {

    static final Credentials ROLE = new Credentials("reader", "arn:aws:iam::123456789012:role/reader", "edge", 3600);

    /** Keys as a name and the time they expire. */
    record Keys(String name, long expiresAt) {}

    final ManualClock clock = new ManualClock();
    final List<Deadline> calls = new ArrayList<>();
    long lifeMillis = 3_600_000;

    final RoleKeys<Keys> keys = new RoleKeys<>(ROLE, 1200, (role, deadline) -> {
        calls.add(deadline);
        return new Keys("keys-" + calls.size(), clock.millis() + lifeMillis);
    }, Keys::expiresAt, clock);

    @Test
    void keysAreReusedWhileTheyOutliveAUrlPlusTheMarginThenRenewed() {
        Deadline deadline = Deadline.after(clock, 2000);
        assertNull(keys.usable());
        assertEquals("keys-1", keys.get(deadline).name());
        clock.advance(3_600_000 - 1_500_000); // exactly a 20-minute URL plus 5 minutes left
        assertEquals("keys-1", keys.get(deadline).name());
        clock.advance(1);
        assertNull(keys.usable());
        assertEquals("keys-2", keys.get(deadline).name());
        assertEquals(List.of(deadline, deadline), calls, "each AssumeRole is given the request's deadline");
    }

    @Test
    void freshKeysThatWouldDieBeforeAUrlAreRefusedAndNotKept() {
        lifeMillis = 1_499_999;
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> keys.get(Deadline.after(clock, 2000)));
        assertEquals("credentials for arn:aws:iam::123456789012:role/reader expire in 1499 s, before URLs signed"
                + " now would (they must last 1500 s)", refused.getMessage());
        assertNull(keys.usable());
    }

    @Test
    void freshKeysThatLastExactlyAsLongAsAUrlNeedsAreTaken() {
        lifeMillis = 1_500_000;
        assertEquals("keys-1", keys.get(Deadline.after(clock, 2000)).name());
    }
}
