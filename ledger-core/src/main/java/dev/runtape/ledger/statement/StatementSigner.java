package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborMap;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs statements for the ledger, on behalf of the principal the header names in {@code iss}: the header protected,
 * the payload attached in deterministic CBOR, under tag 18.
 *
 * <p>It sits on the append path, so it does nothing but sign: no schema validation (the caller runs {@link
 * StatementValidator#checkPayload} first) and no copying beyond what encoding needs.
 */
public final class StatementSigner {

    private StatementSigner() {
    }

    /**
     * The signed statement.
     *
     * @throws IllegalArgumentException if the header's {@code alg} or {@code kid} is not the key's
     */
    public static StatementBytes sign(StatementHeader header, CborMap payload, SigningKey key) {
        if (header.alg() != key.algorithm()) {
            throw new IllegalArgumentException("the header names alg " + header.alg() + ", the key signs with "
                    + key.algorithm());
        }
        if (!MessageDigest.isEqual(header.kid().bytes(), key.kid())) {
            throw new IllegalArgumentException("the header names kid " + header.kid().hex()
                    + ", the key is " + HexFormat.of().formatHex(key.kid()));
        }
        byte[] encoded = header.addTo(Sign1Builder.signingWith(key)).sign(payload.encode()).encode();
        return StatementBytes.of(encoded);
    }
}
