package dev.runtape.verifier.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.merkle.RootMismatchException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptRoundTripTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<SigningKey> keys() {
        return Stream.of(Ed25519SigningKey.generate(RANDOM), P256SigningKey.generate(RANDOM));
    }

    private static InMemoryMerkleTree treeOf(int size) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < size; i++) {
            tree.appendLeaf(("statement " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    @ParameterizedTest
    @MethodSource("keys")
    void anIssuedInclusionReceiptVerifiesForItsLeafAfterAnEncodeDecodeRoundTrip(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = treeOf(13);
        Receipt issued = new ReceiptIssuer(key, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(tree, 6, 13), tree.root(13));

        Receipt decoded = Receipt.decode(issued.encode());
        TreeHead head = ReceiptVerifier.verifyInclusion(decoded, tree.node(0, 6), key.verificationKey());

        assertThat(head).isEqualTo(new TreeHead(13, tree.root(13)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void anInclusionReceiptRefusesAnotherLeaf(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = treeOf(13);
        Receipt receipt = new ReceiptIssuer(key, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(tree, 6, 13), tree.root(13));

        assertThatThrownBy(() -> ReceiptVerifier.verifyInclusion(receipt, tree.node(0, 7), key.verificationKey()))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("the log's signature does not cover root ")
                .hasMessageEndingWith(": invalid signature");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aConsistencyReceiptLeadsFromTheOldRootToTheSignedNewRoot(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = treeOf(21);
        Receipt receipt = Receipt.decode(new ReceiptIssuer(key, "runtape.test/log")
                .consistency(ProofBuilder.consistency(tree, 8, 21), tree.root(21)).encode());

        assertThat(ReceiptVerifier.verifyConsistency(receipt, tree.root(8), key.verificationKey()))
                .isEqualTo(new TreeHead(21, tree.root(21)));
        // Size 8 is a power of two, so its root is not in the path: a wrong old root yields a wrong new root.
        assertThatThrownBy(() -> ReceiptVerifier.verifyConsistency(receipt, tree.root(9), key.verificationKey()))
                .isInstanceOf(VerificationException.class)
                .hasMessageEndingWith("invalid signature");

        Receipt fromNine = new ReceiptIssuer(key, "runtape.test/log")
                .consistency(ProofBuilder.consistency(tree, 9, 21), tree.root(21));
        assertThatThrownBy(() -> ReceiptVerifier.verifyConsistency(fromNine, tree.root(8), key.verificationKey()))
                .isInstanceOf(RootMismatchException.class);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aReceiptFromAnotherKeyIsRefused(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = treeOf(5);
        Receipt receipt = new ReceiptIssuer(key, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(tree, 0, 5), tree.root(5));
        SigningKey other = key instanceof Ed25519SigningKey ? Ed25519SigningKey.generate(RANDOM)
                : P256SigningKey.generate(RANDOM);

        assertThatThrownBy(() -> ReceiptVerifier.verifyInclusion(receipt, tree.node(0, 0), other.verificationKey()))
                .isInstanceOf(VerificationException.class)
                .hasMessageEndingWith("invalid signature");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aReceiptWithAnAttachedPayloadIsNotAReceipt(SigningKey key) throws Exception {
        CoseSign1 attached = dev.runtape.verifier.cose.Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.VDS, CborInteger.of(1))
                .sign(Digest.sha256(new byte[0]).bytes());

        assertThatThrownBy(() -> Receipt.of(attached))
                .isInstanceOf(FormatException.class)
                .hasMessage("receipt: the payload must be detached (nil); the verifier recomputes the root");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void malformedProofsAreNamedByTheirPlace(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = treeOf(5);
        CoseSign1 message = new ReceiptIssuer(key, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(tree, 1, 5), tree.root(5)).message();

        assertThatThrownBy(() -> Receipt.of(message.withUnprotectedHeader(vdp(CborArray.of(
                        CborInteger.of(5), CborInteger.of(1), CborArray.of(new CborByteString(new byte[31])))))))
                .isInstanceOf(FormatException.class)
                .hasMessage("receipt: inclusion proof 0, inclusion_path[0]: expected a 32-byte SHA-256 digest, found 31 bytes");
        assertThatThrownBy(() -> Receipt.of(message.withUnprotectedHeader(vdp(CborArray.of(
                        CborInteger.of(5), CborInteger.of(5), CborArray.of())))))
                .isInstanceOf(FormatException.class)
                .hasMessage("receipt: inclusion proof 0: leaf_index 5 is not below tree_size 5");
        assertThatThrownBy(() -> Receipt.of(message.withUnprotectedHeader(vdp(CborArray.of(
                        CborInteger.of(-5), CborInteger.of(1), CborArray.of())))))
                .isInstanceOf(FormatException.class)
                .hasMessage("receipt: inclusion proof 0, tree_size: expected an unsigned integer below 2^63, found -5");
        assertThatThrownBy(() -> Receipt.of(message.withUnprotectedHeader(CborMap.EMPTY)))
                .isInstanceOf(FormatException.class)
                .hasMessage("receipt: the unprotected header has no vdp (label 396)");
    }

    private static CborMap vdp(CborArray proof) {
        return CborMap.builder()
                .put(HeaderLabels.VDP, CborMap.builder()
                        .put(Receipt.INCLUSION_PROOFS, CborArray.of(new CborByteString(proof.encode())))
                        .build())
                .build();
    }
}
