package dev.runtape.verifier.cli;

/** A problem with what the user gave the command (a file, a key), as opposed to what it verifies. */
final class InputException extends Exception {

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
