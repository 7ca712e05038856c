package dev.runtape.verifier.keys;

import java.util.Optional;

/** The signature algorithms Runtape signs and verifies with, by their COSE and JOSE names. */
public enum SignatureAlgorithm {

    /** EdDSA over Ed25519 (RFC 8032): the default. COSE algorithm -8, key type OKP, curve Ed25519 (6). */
    EDDSA(-8, "EdDSA", KeyType.OKP, 6, "Ed25519"),

    /** ECDSA over P-256 with SHA-256, signature r ‖ s (RFC 9053 §2.1). COSE algorithm -7, key type EC2, curve 1. */
    ES256(-7, "ES256", KeyType.EC2, 1, "P-256");

    /** COSE key types (RFC 9053 §7). */
    public enum KeyType {
        OKP(1, "OKP"),
        EC2(2, "EC");

        private final int coseId;
        private final String jwkName;

        KeyType(int coseId, String jwkName) {
            this.coseId = coseId;
            this.jwkName = jwkName;
        }

        public int coseId() {
            return coseId;
        }

        public String jwkName() {
            return jwkName;
        }
    }

    private final int coseId;
    private final String joseName;
    private final KeyType keyType;
    private final int coseCurve;
    private final String jwkCurve;

    SignatureAlgorithm(int coseId, String joseName, KeyType keyType, int coseCurve, String jwkCurve) {
        this.coseId = coseId;
        this.joseName = joseName;
        this.keyType = keyType;
        this.coseCurve = coseCurve;
        this.jwkCurve = jwkCurve;
    }

    /** The value of the COSE {@code alg} header parameter. */
    public int coseId() {
        return coseId;
    }

    /** The JOSE {@code alg} name, as a JWK carries it. */
    public String joseName() {
        return joseName;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The COSE curve identifier (COSE_Key label -1). */
    public int coseCurve() {
        return coseCurve;
    }

    /** The JWK {@code crv} name. */
    public String jwkCurve() {
        return jwkCurve;
    }

    public static Optional<SignatureAlgorithm> ofCoseId(long coseId) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.coseId == coseId) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm of a key of this COSE key type and curve. */
    public static Optional<SignatureAlgorithm> ofCoseCurve(long keyType, long curve) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.keyType.coseId == keyType && algorithm.coseCurve == curve) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm of a JWK with this {@code kty} and {@code crv}. */
    public static Optional<SignatureAlgorithm> ofJwkCurve(String keyType, String curve) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.keyType.jwkName.equals(keyType) && algorithm.jwkCurve.equals(curve)) {
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
