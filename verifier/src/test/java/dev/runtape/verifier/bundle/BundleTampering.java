package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.testing.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Makes tampered bundles from a good one, each with the check that must catch it and a word its reason must hold:
 * one bit flipped in each part, statements reordered, deleted, forked or replaced (by one signed with a foreign or a
 * revoked key), the tail cut off, disclosures swapped between steps, a receipt for another tree, a stale checkpoint,
 * a manifest listing one entry more or less.
 */
public final class BundleTampering {

    /**
     * One tampered bundle.
     *
     * @param trusted the trusted checkpoint to verify it with, when the tampering shows only against one
     */
    public record Tampered(String name, byte[] bytes, Optional<byte[]> trusted, Check check, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final BundleGenerator.Generated generated;
    private final TestBundle good;
    private final byte[] file;

    public BundleTampering(BundleGenerator.Generated generated) {
        this.generated = generated;
        this.good = generated.bundle();
        this.file = bytes(good);
    }

    public List<Tampered> all() {
        List<Tampered> all = new ArrayList<>();
        int trajectories = good.trajectories().size();
        // --- one bit flipped in each part ---
        byte[] listed = good.trajectories().getFirst().statements().getFirst().bytes();
        all.add(flipped("a bit of a statement digest in the manifest", listed, 5, Check.MANIFEST,
                "not listed in the manifest"));
        all.add(flipped("a bit of the checkpoint's signature", good.checkpoint(), good.checkpoint().length - 1,
                Check.CHECKPOINT, "invalid signature"));
        byte[] root = generated.tree().root().bytes();
        all.add(flipped("a bit of the checkpoint's root", root, 0, Check.CHECKPOINT, "invalid signature"));
        byte[] ledgerKey = ((EdDsaVerificationKey) BundleGenerator.LEDGER.verificationKey()).x();
        all.add(flipped("a bit of the ledger's key in the key set", ledgerKey, 9, Check.FORMAT, "key-sets"));
        byte[] statement = good.statements().get(trajectories + 1);
        all.add(flipped("a bit of a statement's signature", statement, statement.length - 1, Check.SIGNATURE,
                "invalid signature"));
        byte[] payload = good.statement(trajectories + 1).message().payload().orElseThrow();
        all.add(flipped("a bit of a statement's payload", payload, payload.length - 1, Check.SIGNATURE,
                "invalid signature"));
        byte[] receipt = good.statement(2).receipts().getFirst();
        all.add(flipped("a bit of a receipt's signature", receipt, receipt.length - 1, Check.RECEIPT,
                "invalid signature"));
        byte[] disclosure = good.disclosures().get(1).bytes();
        all.add(flipped("a bit of a disclosure", disclosure, disclosure.length - 1, Check.DISCLOSURE, "hash to"));
        byte[] artifact = good.artifacts().getLast().bytes();
        all.add(flipped("a bit of an artifact", artifact, artifact.length / 2, Check.ARTIFACT, "hash to"));
        byte[] consistency = good.consistency().orElseThrow();
        Tampered flippedConsistency = flipped("a bit of the consistency receipt's signature", consistency,
                consistency.length - 1, Check.CONSISTENCY, "invalid signature");
        all.add(new Tampered(flippedConsistency.name(), flippedConsistency.bytes(),
                Optional.of(generated.trustedCheckpoint()), Check.CONSISTENCY, "invalid signature"));
        // --- statements reordered, deleted, forked, replaced; the tail cut off ---
        all.add(of("two statements of different streams swapped", good.withStatements(s -> {
            Collections.swap(s, 0, 1);
            return s;
        }), Check.CHAIN, "not in log order"));
        all.add(of("two statements of one stream swapped", good.withStatements(s -> {
            Collections.swap(s, 0, trajectories);
            return s;
        }), Check.CHAIN, "reordered"));
        all.add(of("a statement deleted", good.withStatements(s -> {
            s.remove(trajectories + 1);
            return s;
        }), Check.CHAIN, "gap"));
        all.add(of("a statement deleted, as the manifest sees it", good.withStatements(s -> {
            s.remove(trajectories + 1);
            return s;
        }), Check.MANIFEST, "not in the bundle"));
        all.add(new Tampered("the tail cut off", Arrays.copyOf(file, file.length - 40), Optional.empty(),
                Check.FORMAT, "truncated"));
        all.add(of("a second statement at the same revision (a fork)", good.withStatements(s -> {
            s.add(trajectories + 3, resigned(trajectories + 2, BundleGenerator.LEDGER, false));
            return s;
        }), Check.CHAIN, "fork"));
        all.add(of("a statement replaced by one signed with a foreign key", good.withStatements(s -> {
            s.set(trajectories + 1, resigned(trajectories + 1, BundleGenerator.FOREIGN, false));
            return s;
        }), Check.SIGNATURE, "unknown key"));
        all.add(of("a statement replaced by one signed with a revoked key", good.withStatements(s -> {
            s.set(trajectories + 1, resigned(trajectories + 1, BundleGenerator.RETIRED, false));
            return s;
        }), Check.SIGNATURE, "revoked"));
        all.add(of("a statement replaced by one with another payload, signed by the ledger", good.withStatements(s -> {
            s.set(trajectories + 1, resigned(trajectories + 1, BundleGenerator.LEDGER, true));
            return s;
        }), Check.RECEIPT, "root"));
        // --- disclosures, receipts and checkpoints from elsewhere ---
        all.add(of("disclosures swapped between steps", good.withDisclosures(d -> {
            TestBundle.Content first = d.get(0);
            TestBundle.Content second = d.get(1);
            d.set(0, new TestBundle.Content(first.digest(), second.bytes()));
            d.set(1, new TestBundle.Content(second.digest(), first.bytes()));
            return d;
        }), Check.DISCLOSURE, "hash to"));
        all.add(of("a receipt for another tree", good.withStatements(s -> {
            s.set(0, withReceipt(0, otherTreeReceipt(0)));
            return s;
        }), Check.RECEIPT, "tree of"));
        all.add(of("a stale checkpoint", good.withCheckpoint(generated.trustedCheckpoint()), Check.RECEIPT,
                "tree of"));
        all.add(new Tampered("a stale checkpoint, against the trusted one",
                bytes(good.withCheckpoint(generated.trustedCheckpoint())), Optional.of(good.checkpoint()),
                Check.CONSISTENCY, "stale"));
        // --- a manifest with one entry more or less ---
        all.add(of("the manifest lists one statement more", good.withTrajectories(t -> {
            TestBundle.Listing first = t.getFirst();
            List<Digest> more = new ArrayList<>(first.statements());
            more.add(Digest.sha256(new byte[] {1, 2, 3}));
            t.set(0, new TestBundle.Listing(first.id(), first.split(), more));
            return t;
        }), Check.MANIFEST, "not in the bundle"));
        all.add(of("the manifest lists one statement less", good.withTrajectories(t -> {
            TestBundle.Listing second = t.get(1);
            t.set(1, new TestBundle.Listing(second.id(), second.split(),
                    second.statements().subList(0, second.statements().size() - 1)));
            return t;
        }), Check.MANIFEST, "not listed in the manifest"));
        all.add(of("the manifest lists one disclosure more", good.withDisclosureListing(d -> {
            d.add(BundleWriter.includedDisclosure(Digest.sha256(new byte[] {4, 5, 6})));
            return d;
        }), Check.MANIFEST, "not in the bundle"));
        all.add(of("the manifest lists one disclosure less", good.withDisclosureListing(d -> {
            d.removeFirst();
            return d;
        }), Check.MANIFEST, "not listed in the manifest"));
        return all;
    }

    private Tampered flipped(String name, byte[] part, int at, Check check, String reason) {
        byte[] copy = file.clone();
        copy[Bytes.indexOf(copy, part) + at] ^= 0x01;
        return new Tampered(name, copy, Optional.empty(), check, reason);
    }

    private static Tampered of(String name, TestBundle bundle, Check check, String reason) {
        return new Tampered(name, bytes(bundle), Optional.empty(), check, reason);
    }

    /**
     * Statement {@code i} signed again by {@code key} at the same place in its stream, with its original receipt;
     * with {@code otherPayload}, a payload that differs. A key other than the ledger's signs after the retired
     * key's revocation, as every statement is issued after it.
     */
    private byte[] resigned(int i, SigningKey key, boolean otherPayload) {
        StatementFacts original = good.statement(i);
        CborMap payload = original.payload();
        if (otherPayload || key == BundleGenerator.LEDGER) {
            CborMap.Builder changed = CborMap.builder();
            payload.entries().forEach((k, v) -> changed.put(k, k.equals(CborTextString.of("steps"))
                    ? CborArray.of(CborMap.builder().put("kind", CborTextString.of("message"))
                            .put("index", dev.runtape.cbor.CborInteger.of(99))
                            .put("role", CborTextString.of("user"))
                            .put("content", CborMap.builder().put("digest",
                                    new CborByteString(good.disclosures().get(2).digest().bytes())).build())
                            .build())
                    : v));
            payload = changed.build();
        }
        byte[] statement = BundleGenerator.statement(key, original.stream(), original.revision(), original.prev(),
                original.issuedAt(), original.eventType(), payload);
        return withReceipt(statement, original.receipts().stream().map(BundleTampering::receipt).toList());
    }

    private byte[] withReceipt(int i, Receipt receipt) {
        StatementFacts original = good.statement(i);
        byte[] logForm = original.message().withUnprotectedHeader(CborMap.EMPTY).encode();
        return withReceipt(logForm, List.of(receipt));
    }

    private static byte[] withReceipt(byte[] statement, List<Receipt> receipts) {
        try {
            return BundleWriter.withReceipt(CoseSign1.decode(statement).withUnprotectedHeader(CborMap.EMPTY).encode(),
                    receipts);
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A receipt, signed by the ledger, for statement {@code i} in the earlier, smaller tree. */
    private Receipt otherTreeReceipt(int i) {
        long size = generated.trustedSize();
        var tree = generated.tree();
        return new ReceiptIssuer(BundleGenerator.LEDGER, BundleGenerator.ORIGIN)
                .inclusion(ProofBuilder.inclusion(tree, 0, size), tree.root(size));
    }

    private static Receipt receipt(byte[] bytes) {
        try {
            return Receipt.decode(bytes);
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(TestBundle bundle) {
        try {
            return bundle.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
