package dev.runtape.verifier;

/**
 * Well-formed input that does not verify: a signature that does not match, a proof that leads to another root, a
 * key that is unknown or not valid for the purpose. The message gives the expected and the actual value where
 * there are two to compare; a failed signature says only that it is invalid.
 */
public class VerificationException extends Exception {

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
