package dev.runtape.ledger.statement;

import java.util.Locale;

/**
 * Why a statement was refused. The names are stable: clients and the HTTP API key on them ({@link #code()}).
 */
public enum Rejection {
    /** Not a COSE_Sign1 (tag 18) in deterministic CBOR with an attached payload and a readable header. */
    MALFORMED,
    /** Well-formed, but the statement or its payload does not match its CDDL rule. */
    SCHEMA_INVALID,
    /** No producer key has the statement's kid. */
    UNKNOWN_KEY,
    /** The key was registered to begin only after the statement's iat. */
    KEY_NOT_VALID_AT_IAT,
    /** The key was revoked at or before the statement's iat. */
    REVOKED_KEY,
    /** The key belongs to another principal than the statement's iss. */
    WRONG_PRINCIPAL,
    /** The header's alg does not fit the key (EdDSA named for a P-256 key, or the reverse). */
    ALGORITHM_MISMATCH,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /**
     * The statement's iat is further from the ledger's clock than the intake allows (five minutes by default): a
     * producer cannot backdate a statement to before its key's revocation, nor date it ahead.
     */
    IAT_OUT_OF_RANGE,
    /** The statement's prev is not the digest of its stream's last statement (checked on append). */
    WRONG_PREV,
    /** The statement's revision is not the one after its stream's last (checked on append). */
    STALE_REVISION;

    /** The code in lower kebab-case, as the API reports it ({@code "bad-signature"}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
