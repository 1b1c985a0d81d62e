package dev.registryedge.cli.deploy;

import java.io.PrintStream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Where a command writes: one line per distribution and result on {@code out}, for people and
 * scripts; progress and problems on {@code err}. Lines from distributions worked on at once may
 * interleave; each names its distribution.
 */
public record Console(PrintStream out, PrintStream err) {

    void line(SeenDistribution seen, String text) {
        out.println(seen.label() + ": " + text);
    }

    void note(String text) {
        err.println(text);
    }

    /** An AWS error as its code and message; anything else as its message. */
    public static String message(Throwable e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
