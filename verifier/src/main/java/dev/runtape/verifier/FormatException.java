package dev.runtape.verifier;

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

    /** The same failure, with the path of the enclosing structure put in front: {@code "receipt: " + message}. */
    public FormatException within(String where) {
        FormatException wrapped = new FormatException(where + ": " + getMessage(), getCause());
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }
}
