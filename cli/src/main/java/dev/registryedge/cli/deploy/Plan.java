package dev.registryedge.cli.deploy;

import java.util.Optional;

/** What a command wants of each distribution's viewer-request association, worked out per account. */
interface Plan {

    /** Whether a distribution without the blob behaviour stops the command before anything changes. */
    boolean strict();

    /**
     * What the command does in one account before its distributions change (deploy publishes the
     * function there).
     *
     * @throws RuntimeException to fail every distribution of the account, with the reason
     */
    InAccount in(AccountSession session, Console console);

    /** The plan for the distributions of one account. */
    interface InAccount {
        /** The association wanted, given the one there now; empty removes it. */
        Optional<Association> wanted(SeenDistribution seen, Optional<Association> now);

        /** Keeps what the change cannot do without once made; runs before it is written. */
        default void beforeChange(SeenDistribution seen, Optional<Association> now) {}

        /** Records what the change replaced, once CloudFront took it. */
        default void changed(SeenDistribution after, Optional<Association> before, Optional<Association> now) {}
    }
}
