package dev.runtape.verifier.keys;

/**
 * A token that a caller must pass to read or build private key bytes. It guards nothing at run time; it makes every
 * place that touches secret material visible in a search for this class, as Tink's {@code SecretKeyAccess} does.
 */
public final class SecretKeyAccess {

    private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

    private SecretKeyAccess() {
    }

    /** Access to secret key bytes: the caller takes responsibility for where they go. */
    public static SecretKeyAccess insecure() {
        return INSTANCE;
    }
}
