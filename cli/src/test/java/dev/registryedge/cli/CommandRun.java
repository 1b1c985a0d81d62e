package dev.registryedge.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The command line run in-process on the fixture's tables, and what its last run printed. */
final class CommandRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code args} with nothing on standard input; the exit code. */
    int run(List<String> args) {
        out.reset();
        err.reset();
        return Main.run(Fixture.TABLES, args.toArray(String[]::new), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both, for an assertion's message. */
    String output() {
        return "stdout:\n" + stdout() + "\nstderr:\n" + stderr();
    }
}
