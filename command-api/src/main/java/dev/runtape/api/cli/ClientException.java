package dev.runtape.api.cli;

import org.jspecify.annotations.Nullable;

/**
 * A request that failed: the server answered a problem document, answered something else than expected, or could not
 * be reached. The message is what the user reads, {@code <title>: <detail>} for a problem.
 */
final class ClientException extends Exception {

    private final @Nullable String problemType;

    ClientException(String message, @Nullable String problemType) {
        super(message);
        this.problemType = problemType;
    }

    ClientException(String message, Throwable cause) {
        super(message, cause);
        this.problemType = null;
    }

    /** The problem's {@code type}, when the server answered one. */
    @Nullable String problemType() {
        return problemType;
    }
}
