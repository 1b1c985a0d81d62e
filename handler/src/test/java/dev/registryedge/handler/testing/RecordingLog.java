package dev.registryedge.handler.testing;

import dev.registryedge.handler.core.DecisionLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was logged. */
public final class RecordingLog implements DecisionLog {

    public final List<String> decisions = new ArrayList<>();
    public final List<String> details = new ArrayList<>();

    @Override
    public void decision(String json) {
        decisions.add(json);
    }

    @Override
    public void detail(String message) {
        details.add(message);
    }
}
