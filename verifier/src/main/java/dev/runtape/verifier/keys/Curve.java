package dev.runtape.verifier.keys;

import java.util.Optional;

/** The curves of the keys Runtape reads, with their COSE and JWK names (RFC 9053 §7, RFC 8037). */
public enum Curve {
    ED25519(KeyType.OKP, 6, "Ed25519", 32, SignatureAlgorithm.EDDSA),
    ED448(KeyType.OKP, 7, "Ed448", 57, SignatureAlgorithm.EDDSA),
    P_256(KeyType.EC2, 1, "P-256", 32, SignatureAlgorithm.ES256),
    P_384(KeyType.EC2, 2, "P-384", 48, SignatureAlgorithm.ES384),
    P_521(KeyType.EC2, 3, "P-521", 66, SignatureAlgorithm.ES512);

    /** COSE key types and their JWK {@code kty} names. */
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

    private final KeyType keyType;
    private final int coseId;
    private final String jwkName;
    private final int coordinateLength;
    private final SignatureAlgorithm defaultAlgorithm;

    Curve(KeyType keyType, int coseId, String jwkName, int coordinateLength, SignatureAlgorithm defaultAlgorithm) {
        this.keyType = keyType;
        this.coseId = coseId;
        this.jwkName = jwkName;
        this.coordinateLength = coordinateLength;
        this.defaultAlgorithm = defaultAlgorithm;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The COSE curve identifier (COSE_Key label -1). */
    public int coseId() {
        return coseId;
    }

    /** The JWK {@code crv} name. */
    public String jwkName() {
        return jwkName;
    }

    /** Bytes in an encoded public key (OKP) or in each affine coordinate (EC2). */
    public int coordinateLength() {
        return coordinateLength;
    }

    /** The algorithm a key on this curve signs with unless told otherwise. */
    public SignatureAlgorithm defaultAlgorithm() {
        return defaultAlgorithm;
    }

    /** Whether a key on this curve can check signatures of {@code algorithm}: EdDSA on OKP, ECDSA on EC2. */
    public boolean accepts(SignatureAlgorithm algorithm) {
        return (algorithm == SignatureAlgorithm.EDDSA) == (keyType == KeyType.OKP);
    }

    public static Optional<Curve> ofCose(long keyType, long curve) {
        for (Curve c : values()) {
            if (c.keyType.coseId == keyType && c.coseId == curve) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<Curve> ofJwk(String keyType, String curve) {
        for (Curve c : values()) {
            if (c.keyType.jwkName.equals(keyType) && c.jwkName.equals(curve)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return jwkName;
    }
}
