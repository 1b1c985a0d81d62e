package dev.registryedge.handler.core;

/**
 * The moment by which every network call made for one request must have ended. It is set once,
 * when the request arrives, {@code budgetMillis} later; each call (STS AssumeRole, HeadObject, a
 * retry, and any call added later) takes its own limit cut to what is left, so however many calls
 * a request makes, together they never wait past the deadline. Lambda@Edge ends a viewer
 * request at 5 s, and CloudFront then answers the client with an error.
 */
public final class Deadline {

    private final Clock clock;
    private final long atMillis;

    private Deadline(Clock clock, long atMillis) {
        this.clock = clock;
        this.atMillis = atMillis;
    }

    /** The deadline {@code budgetMillis} from now. */
    public static Deadline after(Clock clock, int budgetMillis) {
        return new Deadline(clock, clock.millis() + budgetMillis);
    }

    /** Milliseconds left; zero or less once the deadline has passed. */
    public long remainingMillis() {
        return atMillis - clock.millis();
    }

    /**
     * The timeout for one network call: its own limit, cut to what is left.
     *
     * @throws Passed when nothing is left, so the call is not even started
     */
    public int cut(int callLimitMillis) {
        long remaining = remainingMillis();
        if (remaining <= 0) {
            throw new Passed();
        }
        return (int) Math.min(callLimitMillis, remaining);
    }

    /** Thrown instead of starting a network call after the deadline. */
    public static final class Passed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Passed() {
            super("the request's time budget is spent");
        }
    }
}
