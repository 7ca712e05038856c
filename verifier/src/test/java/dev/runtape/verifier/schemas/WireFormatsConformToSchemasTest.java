package dev.runtape.verifier.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the verifier's code writes conforms to the CDDL in schemas-cddl, the single source of truth: signed
 * statements, receipts, checkpoints and key sets, for both signing algorithms.
 */
class WireFormatsConformToSchemasTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<SigningKey> keys() {
        return Stream.of(Ed25519SigningKey.generate(RANDOM), P256SigningKey.generate(RANDOM));
    }

    private static String failures(String rule, byte[] encoded) throws Exception {
        CborValue value = CborDecoder.decode(encoded);
        return String.join("\n", RuntapeSchemas.validator(rule).validate(value).failures().stream()
                .map(Failure::toString).toList());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aStatementSignedWithTheLedgersHeaderParametersIsAValidStatement(SigningKey key) throws Exception {
        CborMap payload = CborMap.builder()
                .put("operator-id", CborTextString.of("op-7f3a"))
                .build();
        byte[] statement = Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/vnd.runtape.event+cbor"))
                .protectedParameter(HeaderLabels.CWT_CLAIMS, CborMap.builder()
                        .put(1, CborTextString.of("svc-capture"))
                        .put(2, CborTextString.of("operator/op-7f3a"))
                        .put(6, CborInteger.of(1_763_800_000))
                        .build())
                .protectedParameter(-70001, CborTextString.of("OperatorEnrolled"))
                .protectedParameter(-70002, CborInteger.of(0))
                .protectedParameter(-70003, CborTextString.of("0b9d3a6e-8f3c-4c59-9a47-2f6f3d0e9c11"))
                .protectedParameter(-70004, CborTextString.of("acme"))
                .protectedParameter(-70005, new CborByteString(Digest.ZERO.bytes()))
                .sign(payload.encode())
                .encode();

        assertThat(failures(RuntapeSchemas.STATEMENT, statement)).isEmpty();
        assertThat(failures("OperatorEnrolled", payload.encode())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aStatementWithoutPrevIsNotAValidStatement(SigningKey key) throws Exception {
        byte[] statement = Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/vnd.runtape.event+cbor"))
                .sign(CborMap.EMPTY.encode())
                .encode();

        assertThat(failures(RuntapeSchemas.STATEMENT, statement)).startsWith("$[0]: missing member 15 => statement-claims");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void issuedReceiptsConformToTheReceiptProfile(SigningKey key) throws Exception {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < 11; i++) {
            tree.appendLeaf(new byte[] {(byte) i});
        }
        ReceiptIssuer issuer = new ReceiptIssuer(key, "runtape.test/log");

        assertThat(failures(RuntapeSchemas.RECEIPT,
                issuer.inclusion(ProofBuilder.inclusion(tree, 3, 11), tree.root()).encode())).isEmpty();
        assertThat(failures(RuntapeSchemas.RECEIPT,
                issuer.consistency(ProofBuilder.consistency(tree, 4, 11), tree.root()).encode())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void signedCheckpointsConformToTheCheckpointSchema(SigningKey key) throws Exception {
        Checkpoint checkpoint = new Checkpoint("runtape.test/log", 11, Digest.sha256(new byte[0]), Instant.now());

        assertThat(failures(RuntapeSchemas.SIGNED_CHECKPOINT, new CheckpointSigner(key).sign(checkpoint).encode())).isEmpty();
        assertThat(failures(RuntapeSchemas.CHECKPOINT, checkpoint.encode())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keySetsConformToTheKeySetSchema(SigningKey key) throws Exception {
        KeySet keys = KeySet.of(key.verificationKey(), Ed25519SigningKey.generate(RANDOM).verificationKey());

        assertThat(failures(RuntapeSchemas.KEY_SET, CoseKeyCodec.encodeSet(keys).encode())).isEmpty();
        assertThat(failures(RuntapeSchemas.KEY_SET, new CborArray(java.util.List.of()).encode()))
                .isEqualTo("$: the array ends after 0 items; expected + runtape-key next");
    }
}
