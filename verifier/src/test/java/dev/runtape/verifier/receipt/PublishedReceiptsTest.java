package dev.runtape.verifier.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.Inclusion;
import dev.runtape.verifier.merkle.InclusionProof;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.testing.SharedFiles;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The example receipts of RFC 9942 (draft-ietf-cose-merkle-tree-proofs-18, examples/*.cbor). Their signing key is
 * not published, so only their structure and proofs are checked: both must lead to the same root of the size-5
 * tree.
 */
class PublishedReceiptsTest {

    /** root(5) of the example log, recomputed from the two receipts (shared/vectors/SOURCES.md). */
    private static final String ROOT_OF_FIVE = "895731b5a570ea1967dd7804b5f43146175f9ac87d1565985de3ecf09c98589c";

    @Test
    void theInclusionReceiptProvesLeafThreeOfFive() throws Exception {
        Receipt receipt = Receipt.decode(SharedFiles.readVector("cose/receipts/inclusion-receipt.cbor"));

        assertThat(receipt.inclusionProofs()).hasSize(1);
        assertThat(receipt.consistencyProofs()).isEmpty();
        InclusionProof proof = receipt.inclusionProofs().getFirst();
        assertThat(proof.treeSize()).isEqualTo(5);
        assertThat(proof.leafIndex()).isEqualTo(3);
        assertThat(proof.path()).hasSize(3);
        assertThat(receipt.message().isDetached()).isTrue();
        assertThat(receipt.message().protectedHeader().map().get(HeaderLabels.CWT_CLAIMS).orElseThrow().toString())
                .isEqualTo("{1: " + CborTextString.of("https://transparency-service.example.com") + "}");
    }

    @Test
    void theConsistencyReceiptProvesThreeToFive() throws Exception {
        Receipt receipt = Receipt.decode(SharedFiles.readVector("cose/receipts/consistency-receipt.cbor"));

        assertThat(receipt.consistencyProofs()).hasSize(1);
        ConsistencyProof proof = receipt.consistencyProofs().getFirst();
        assertThat(proof.size1()).isEqualTo(3);
        assertThat(proof.size2()).isEqualTo(5);
        assertThat(proof.path()).hasSize(4);
    }

    @Test
    void bothReceiptsLeadToTheSameRootOfTheSizeFiveTree() throws Exception {
        InclusionProof inclusion = Receipt.decode(SharedFiles.readVector("cose/receipts/inclusion-receipt.cbor"))
                .inclusionProofs().getFirst();
        ConsistencyProof consistency = Receipt.decode(SharedFiles.readVector("cose/receipts/consistency-receipt.cbor"))
                .consistencyProofs().getFirst();

        // RFC 9162 §2.1.4.1 PROOF(3, D[5]) = [h(2), h(3), h(0..1), h(4)]: leaf 3's hash is the second element,
        // and root(3) = node(h(0..1), h(2)).
        Digest leafThree = consistency.path().get(1);
        Digest rootOfThree = Rfc9162Hasher.hashChildren(consistency.path().get(2), consistency.path().get(0));

        Digest fromInclusion = Inclusion.rootFromProof(3, 5, leafThree, inclusion.path());
        Digest fromConsistency = consistency.newRootFrom(rootOfThree);

        assertThat(fromInclusion).isEqualTo(fromConsistency).isEqualTo(Digest.ofHex(ROOT_OF_FIVE));
        assertThat(HexFormat.of().formatHex(fromInclusion.bytes())).isEqualTo(ROOT_OF_FIVE);
    }
}
