package dev.registryedge.handler.testing;

import dev.registryedge.handler.core.Clock;

/** A clock that moves only when told to. */
public final class ManualClock implements Clock {

    private long millis = 1_700_000_000_000L;

    @Override
    public long millis() {
        return millis;
    }

    public void advance(long by) {
        millis += by;
    }
}
