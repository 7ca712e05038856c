package dev.runtape.verifier.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.merkle.RootMismatchException;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final SigningKey LOG_KEY = Ed25519SigningKey.generate(new SecureRandom());
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    private static InMemoryMerkleTree treeOf(int size) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < size; i++) {
            tree.appendLeaf(new byte[] {(byte) i});
        }
        return tree;
    }

    @Test
    void aSignedCheckpointVerifiesAndDecodesToWhatWasSigned() throws Exception {
        InMemoryMerkleTree tree = treeOf(10);
        Checkpoint checkpoint = new Checkpoint("runtape.test/log", 10, tree.root(), NOW);

        CoseSign1 signed = CoseSign1.decode(new CheckpointSigner(LOG_KEY).sign(checkpoint).encode());

        assertThat(CheckpointVerifier.verify(signed, KeySet.of(LOG_KEY.verificationKey()))).isEqualTo(checkpoint);
    }

    @Test
    void thePayloadIsTheDeterministicMapOfTheFourFields() throws Exception {
        Checkpoint checkpoint = new Checkpoint("o", 3, Digest.ZERO, Instant.ofEpochMilli(1000));

        assertThat(HexFormat.of().formatHex(checkpoint.encode())).isEqualTo(
                "a4" + "01616f" + "0203" + "035820" + "00".repeat(32) + "041903e8");
    }

    @Test
    void aCheckpointFromAnUnknownKeyIsRefused() {
        Checkpoint checkpoint = new Checkpoint("runtape.test/log", 0, Digest.sha256(new byte[0]), NOW);
        CoseSign1 signed = new CheckpointSigner(LOG_KEY).sign(checkpoint);
        KeySet others = KeySet.of(Ed25519SigningKey.generate(new SecureRandom()).verificationKey());

        assertThatThrownBy(() -> CheckpointVerifier.verify(signed, others))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("unknown key: kid ");
    }

    @Test
    void aSignedMessageOfAnotherContentTypeIsNotACheckpoint() {
        CoseSign1 other = Sign1Builder.signingWith(LOG_KEY)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/json"))
                .sign(new Checkpoint("o", 1, Digest.ZERO, NOW).encode());

        assertThatThrownBy(() -> CheckpointVerifier.verify(other, KeySet.of(LOG_KEY.verificationKey())))
                .isInstanceOf(FormatException.class)
                .hasMessage("checkpoint: the protected content type must be application/runtape-checkpoint+cbor, "
                        + "found \"application/json\"");
    }

    @Test
    void payloadsThatAreNotExactlyACheckpointAreRefused() {
        CborMap extraField = CborMap.builder()
                .put(1, CborTextString.of("o")).put(2, CborInteger.of(1))
                .put(3, new dev.runtape.cbor.CborByteString(new byte[32])).put(4, CborInteger.of(0))
                .put(5, CborInteger.of(0)).build();
        assertThatThrownBy(() -> Checkpoint.decode(extraField.encode()))
                .isInstanceOf(FormatException.class).hasMessage("checkpoint: unknown field 5");

        CborMap missingRoot = CborMap.builder()
                .put(1, CborTextString.of("o")).put(2, CborInteger.of(1)).put(4, CborInteger.of(0)).build();
        assertThatThrownBy(() -> Checkpoint.decode(missingRoot.encode()))
                .isInstanceOf(FormatException.class).hasMessage("checkpoint: missing root-hash (3)");

        byte[] notDeterministic = HexFormat.of().parseHex("a1021801"); // {2: 1} with a 2-byte head for 1
        assertThatThrownBy(() -> Checkpoint.decode(notDeterministic))
                .isInstanceOf(FormatException.class)
                .hasMessage("checkpoint: at byte 2: argument 1 is encoded in 1 byte; the preferred serialization is shorter");
    }

    @Test
    void aNewerCheckpointIsCheckedAgainstATrustedOneWithAConsistencyProof() throws Exception {
        InMemoryMerkleTree tree = treeOf(40);
        Checkpoint trusted = new Checkpoint("runtape.test/log", 17, tree.root(17), NOW);
        Checkpoint newer = new Checkpoint("runtape.test/log", 40, tree.root(40), NOW.plusSeconds(60));

        CheckpointVerifier.verifyConsistency(trusted, newer, ProofBuilder.consistency(tree, 17, 40));

        Checkpoint forked = new Checkpoint("runtape.test/log", 40, Digest.sha256(new byte[] {1}), NOW);
        assertThatThrownBy(() -> CheckpointVerifier.verifyConsistency(trusted, forked,
                        ProofBuilder.consistency(tree, 17, 40)))
                .isInstanceOf(RootMismatchException.class);
        Checkpoint otherLog = new Checkpoint("elsewhere/log", 40, tree.root(40), NOW);
        assertThatThrownBy(() -> CheckpointVerifier.verifyConsistency(trusted, otherLog,
                        ProofBuilder.consistency(tree, 17, 40)))
                .isInstanceOf(VerificationException.class)
                .hasMessage("checkpoints of different logs: runtape.test/log and elsewhere/log");
        assertThatThrownBy(() -> CheckpointVerifier.verifyConsistency(trusted, newer,
                        ProofBuilder.consistency(tree, 16, 40)))
                .isInstanceOf(VerificationException.class)
                .hasMessage("the consistency proof is from size 16 to 40, but the checkpoints have sizes 17 and 40");
    }

    @Test
    void aReceiptIsBoundToTheCheckpointThatStatesItsRoot() throws Exception {
        InMemoryMerkleTree tree = treeOf(12);
        Checkpoint checkpoint = new Checkpoint("runtape.test/log", 12, tree.root(12), NOW);
        TreeHead head = ReceiptVerifier.verifyInclusion(
                new ReceiptIssuer(LOG_KEY, "runtape.test/log").inclusion(ProofBuilder.inclusion(tree, 4, 12), tree.root(12)),
                tree.node(0, 4), LOG_KEY.verificationKey());

        CheckpointVerifier.verifyCovers(checkpoint, head);
        assertThatThrownBy(() -> CheckpointVerifier.verifyCovers(
                        new Checkpoint("runtape.test/log", 11, tree.root(11), NOW), head))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("the receipt leads to size 12 root ");
    }
}
