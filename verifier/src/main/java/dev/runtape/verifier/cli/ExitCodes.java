package dev.runtape.verifier.cli;

/** The exit statuses of {@code runtape-verify}. */
final class ExitCodes {
    /** Everything checked verifies. */
    static final int VALID = 0;
    /** Something does not verify, or the item to verify is malformed. */
    static final int INVALID = 1;
    /** The command could not run: bad options, an unreadable file, a key that does not parse. */
    static final int USAGE_OR_INPUT = 2;

    private ExitCodes() {
    }
}
