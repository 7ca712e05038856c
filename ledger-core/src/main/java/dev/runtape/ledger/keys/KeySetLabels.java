package dev.runtape.ledger.keys;

/** The COSE_Key parameters Runtape adds to a key set (keys.cddl), from the private-use range. */
public final class KeySetLabels {

    /** When the key starts to count, in milliseconds since the epoch. */
    public static final long VALID_FROM = -70101;
    /** When the key stops counting, in milliseconds since the epoch: signatures from then on do not count. */
    public static final long REVOKED_AT = -70102;
    /** Whom the key belongs to; absent for the ledger's own keys. */
    public static final long PRINCIPAL = -70103;

    /** The JWK members carrying the same, in a JWK Set. */
    public static final String JWK_VALID_FROM = "valid-from";
    public static final String JWK_REVOKED_AT = "revoked-at";
    public static final String JWK_PRINCIPAL = "principal";

    private KeySetLabels() {
    }
}
