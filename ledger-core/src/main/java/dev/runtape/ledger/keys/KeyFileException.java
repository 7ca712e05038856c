package dev.runtape.ledger.keys;

/**
 * A key file could not be read or written: missing or unreadable, not in a supported format, a key of an unsupported
 * kind, a wrong password. The message names the file and what was wrong.
 */
public final class KeyFileException extends KeyStorageException {

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
