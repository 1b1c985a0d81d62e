package dev.registryedge.cli.deploy;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Ctrl-C during a command: no new change starts, and the JVM's exit waits (up to a bound) until
 * every change in flight is made and recorded, so that none is left done but unrecorded.
 */
public final class Interruption {

    private final Duration grace;
    private final PrintStream err;
    private boolean stopping;
    private int inFlight;
    private Thread hook;

    /** @param grace how long the exit waits for changes in flight: a call's total timeout and its record */
    public Interruption(Duration grace, PrintStream err) {
        this.grace = grace;
        this.err = err;
    }

    /** Waits, on the JVM's shutdown (SIGINT, SIGTERM), for the changes in flight. */
    public void install() {
        hook = new Thread(this::stop, "registry-edge-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public void uninstall() {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs
        }
    }

    /** Stops new changes and waits until those in flight are done. */
    public void stop() {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            stopping = true;
            if (inFlight > 0) {
                err.println("registry-edge: stopping: waiting for " + inFlight + " change(s) in flight to be made and"
                        + " recorded (at most " + grace.toSeconds() + " s)");
            }
            while (inFlight > 0 && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public synchronized boolean stopping() {
        return stopping;
    }

    /** Runs one change unless stopping; false when it did not start. */
    boolean run(Runnable change) {
        synchronized (this) {
            if (stopping) {
                return false;
            }
            inFlight++;
        }
        try {
            change.run();
            return true;
        } finally {
            synchronized (this) {
                inFlight--;
                notifyAll();
            }
        }
    }
}
