package dev.runtape.verifier.keys;

import java.util.Optional;

/**
 * The COSE signature algorithms Runtape verifies (RFC 9053 §2). The ledger signs with {@link #EDDSA} over Ed25519
 * by default, or {@link #ES256}; the others are verified so that clients can check what other COSE signers made.
 */
public enum SignatureAlgorithm {

    /** EdDSA (RFC 8032) over the curve of the key: Ed25519 or Ed448. */
    EDDSA(-8, "EdDSA", ""),
    /** ECDSA with SHA-256; r ‖ s as fixed-width integers. */
    ES256(-7, "ES256", "SHA-256"),
    /** ECDSA with SHA-384. */
    ES384(-35, "ES384", "SHA-384"),
    /** ECDSA with SHA-512. */
    ES512(-36, "ES512", "SHA-512");

    private final int coseId;
    private final String joseName;
    private final String ecdsaHash;

    SignatureAlgorithm(int coseId, String joseName, String ecdsaHash) {
        this.coseId = coseId;
        this.joseName = joseName;
        this.ecdsaHash = ecdsaHash;
    }

    /** The value of the COSE {@code alg} parameter. */
    public int coseId() {
        return coseId;
    }

    /** The JOSE {@code alg} name, as a JWK carries it. */
    public String joseName() {
        return joseName;
    }

    /** The JDK name of the hash an ECDSA algorithm signs; empty for EdDSA. */
    String ecdsaHash() {
        return ecdsaHash;
    }

    public static Optional<SignatureAlgorithm> ofCoseId(long coseId) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.coseId == coseId) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public static Optional<SignatureAlgorithm> ofJoseName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.joseName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return joseName + " (" + coseId + ")";
    }
}
