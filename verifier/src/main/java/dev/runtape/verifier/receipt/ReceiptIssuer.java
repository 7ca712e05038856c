package dev.runtape.verifier.receipt;

import dev.runtape.verifier.Digest;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.InclusionProof;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues RFC 9942 receipts as a log: the protected header names the log ({@code iss} in the CWT claims) and the
 * data structure, the proof goes in the unprotected header, and the signature covers the root as a detached
 * payload.
 */
public final class ReceiptIssuer {

    private static final long CWT_ISS = 1;

    private final SigningKey key;
    private final String issuer;

    /** A receipt issuer signing with {@code key} as the log named {@code issuer}. */
    public ReceiptIssuer(SigningKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A receipt that the leaf of {@code proof} is in the tree with root {@code root}. */
    public Receipt inclusion(InclusionProof proof, Digest root) {
        CborValue encoded = CborArray.of(CborInteger.of(proof.treeSize()), CborInteger.of(proof.leafIndex()),
                hashes(proof.path()));
        return sign(Receipt.INCLUSION_PROOFS, encoded, root, List.of(proof), List.of());
    }

    /** A receipt that the tree of {@code proof.size2()} leaves with root {@code newRoot} extends the older one. */
    public Receipt consistency(ConsistencyProof proof, Digest newRoot) {
        CborValue encoded = CborArray.of(CborInteger.of(proof.size1()), CborInteger.of(proof.size2()),
                hashes(proof.path()));
        return sign(Receipt.CONSISTENCY_PROOFS, encoded, newRoot, List.of(), List.of(proof));
    }

    private Receipt sign(long proofLabel, CborValue proof, Digest root, List<InclusionProof> inclusion,
            List<ConsistencyProof> consistency) {
        CborMap vdp = CborMap.builder()
                .put(proofLabel, CborArray.of(new CborByteString(proof.encode())))
                .build();
        CoseSign1 message = Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.VDS, CborInteger.of(Receipt.RFC9162_SHA256))
                .protectedParameter(HeaderLabels.CWT_CLAIMS,
                        CborMap.builder().put(CWT_ISS, CborTextString.of(issuer)).build())
                .unprotectedParameter(HeaderLabels.VDP, vdp)
                .detached()
                .sign(root.bytes());
        return new Receipt(message, inclusion, consistency);
    }

    private static CborArray hashes(List<Digest> path) {
        List<CborValue> items = new ArrayList<>(path.size());
        path.forEach(hash -> items.add(new CborByteString(hash.bytes())));
        return new CborArray(items);
    }
}
