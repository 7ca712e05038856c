package dev.runtape.verifier;

import dev.runtape.cbor.CborException;

/**
 * Outside bytes that do not decode: malformed, truncated, not in the required encoding, or not of the expected
 * shape. The message names what was wrong and where (a byte offset or a path), so that it can be shown as is.
 *
 * <p>Every decoder in the verifier throws this and only this for bad input; anything else escaping a decoder is a
 * bug.
 */
public final class FormatException extends Exception {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Bytes that are not the CBOR they should be, in the named structure: {@code "receipt: at byte 3: ..."}. */
    public static FormatException of(String where, CborException cause) {
        return new FormatException(where + ": " + cause.getMessage(), cause);
    }

    /** The same failure, with the path of the enclosing structure put in front: {@code "receipt: " + message}. */
    public FormatException within(String where) {
        FormatException wrapped = new FormatException(where + ": " + getMessage(), getCause());
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }
}
