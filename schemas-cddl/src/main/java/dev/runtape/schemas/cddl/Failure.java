package dev.runtape.schemas.cddl;

/**
 * One way an instance breaks a schema: where ({@code $.session.entries[3].exit-code}) and what was expected and
 * found ({@code expected uint, found text "0"}).
 */
public record Failure(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
