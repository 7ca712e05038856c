package dev.runtape.verifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The receipt decoder on random, mutated and hostile input: {@code Receipt.decode} returns or throws
 * {@code FormatException}, nothing else, within the time limit; a mutated receipt that still decodes verifies only
 * when its signed parts and its proof still lead to the signed root; hostile sizes and indexes are refused quickly.
 */
class ReceiptPropertiesTest {

    private static final SigningKey KEY = Ed25519SigningKey.generate(new SecureRandom());
    private static final InMemoryMerkleTree TREE = treeOf(300);

    private static InMemoryMerkleTree treeOf(int size) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < size; i++) {
            tree.appendLeaf(new byte[] {(byte) i, (byte) (i >> 8)});
        }
        return tree;
    }

    /** An issued inclusion receipt, the leaf it proves, and the tree head it leads to. */
    record Issued(Receipt receipt, Digest leaf, TreeHead head) {
    }

    @Provide
    Arbitrary<Issued> receipts() {
        return Combinators.combine(Arbitraries.integers().between(1, 300), Arbitraries.integers().between(0, 299))
                .as((size, index) -> {
                    int leaf = index % size;
                    Receipt receipt = new ReceiptIssuer(KEY, "runtape.test/log")
                            .inclusion(ProofBuilder.inclusion(TREE, leaf, size), TREE.root(size));
                    return new Issued(receipt, TREE.node(0, leaf), new TreeHead(size, TREE.root(size)));
                });
    }

    @Property(tries = 1000)
    void randomBytesDecodeOrFailWithFormatException(@ForAll @Size(max = 300) byte[] input) {
        Decoding.attempt("Receipt.decode", input, () -> Receipt.decode(input));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void mutatedReceiptsVerifyOnlyWhenTheyStillProveTheLeaf(
            @ForAll("receipts") Issued issued, @ForAll("mutations") List<Mutation> mutations) {
        byte[] original = issued.receipt().encode();
        byte[] mutated = Mutation.applyAll(mutations, original);
        Decoding.Outcome<Receipt> parsed = Decoding.attempt("Receipt.decode", mutated, () -> Receipt.decode(mutated));
        if (!parsed.ok()) {
            return;
        }
        Receipt receipt = parsed.get();
        TreeHead head = null;
        try {
            head = ReceiptVerifier.verifyInclusion(receipt, issued.leaf(), KEY.verificationKey());
        } catch (VerificationException refused) {
            // Most mutations end here: the root the proof leads to is not the one signed.
        }
        if (head != null) {
            // Whatever changed, the signature covers exactly the root it covered before.
            assertThat(head.root()).as("mutated %s", Decoding.hex(mutated)).isEqualTo(issued.head().root());
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    @Example
    void hostileSizesAndIndexesAreRefusedQuickly() {
        long[][] hostile = {
                {Long.MAX_VALUE, Long.MAX_VALUE - 1}, {Long.MAX_VALUE, 0}, {1L << 62, (1L << 62) - 1}, {2, 1}};
        CoseSign1 message = new ReceiptIssuer(KEY, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(TREE, 0, 2), TREE.root(2)).message();
        for (long[] sizeAndIndex : hostile) {
            for (int pathLength : new int[] {0, 1, 62, 64, 1000}) {
                CborArray path = new CborArray(java.util.Collections.nCopies(pathLength,
                        new CborByteString(new byte[32])));
                CborArray proof = CborArray.of(CborInteger.of(sizeAndIndex[0]), CborInteger.of(sizeAndIndex[1]), path);
                CborMap vdp = CborMap.builder().put(HeaderLabels.VDP, CborMap.builder()
                        .put(Receipt.INCLUSION_PROOFS, CborArray.of(new CborByteString(proof.encode()))).build()).build();
                byte[] bytes = message.withUnprotectedHeader(vdp).encode();
                Decoding.Outcome<Receipt> parsed = Decoding.attempt("Receipt.decode", bytes, () -> Receipt.decode(bytes));
                if (parsed.ok()) {
                    Decoding.withinLimit(Decoding.LIMIT, "verifyInclusion", () -> Decoding.hex(bytes), () -> {
                        try {
                            ReceiptVerifier.verifyInclusion(parsed.get(), TREE.node(0, 0), KEY.verificationKey());
                            return pathLength == 1 && sizeAndIndex[0] == 2;
                        } catch (VerificationException e) {
                            return false;
                        }
                    });
                }
            }
        }
    }
}
