package dev.runtape.ledger.keys;

/**
 * Keys could not be read or kept where a node keeps them: its key files ({@link KeyFileException}) or the documents
 * the nodes of a ledger share. The message names the place and what was wrong.
 */
public class KeyStorageException extends Exception {

    public KeyStorageException(String message) {
        super(message);
    }

    public KeyStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
