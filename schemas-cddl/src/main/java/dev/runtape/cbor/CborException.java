package dev.runtape.cbor;

/**
 * Bytes that are not the CBOR they should be: malformed, truncated, or breaking the rules of the profile they were
 * read under. The message starts with the byte offset ({@code at byte 17: ...}). The decoder throws this and only
 * this for bad input; anything else escaping it is a bug.
 */
public final class CborException extends Exception {

    public CborException(String message) {
        super(message);
    }

    public CborException(String message, Throwable cause) {
        super(message, cause);
    }
}
