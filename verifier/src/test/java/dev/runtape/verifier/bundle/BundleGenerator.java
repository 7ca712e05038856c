package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.InclusionProof;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.verifier.testing.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Builds a good bundle from generated statements: trajectories of steps whose contents are salted disclosures, an
 * artifact each, a redaction, all signed with real Ed25519 keys (the ledger's, for a principal, and a producer's
 * own), interleaved in one RFC 9162 log with other tenants' leaves, with receipts for every statement, a signed
 * checkpoint, and a consistency receipt from an earlier checkpoint. Deterministic: the same config gives the same
 * bytes.
 */
public final class BundleGenerator {

    public static final String ORIGIN = "runtape.test/ledger";
    public static final String PRINCIPAL = "svc-capture";
    public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    public static final Instant REVOKED = T0.minusSeconds(3600);

    public static final SigningKey LEDGER = TestKeys.ed25519("bundle ledger");
    public static final SigningKey PRODUCER = TestKeys.ed25519("bundle producer");
    /** A producer key of the key set revoked before T0: what it signs after {@link #REVOKED} does not count. */
    public static final SigningKey RETIRED = TestKeys.ed25519("bundle retired producer");
    /** A key the bundle's key set does not hold. */
    public static final SigningKey FOREIGN = TestKeys.ed25519("bundle foreign");

    /**
     * @param redact whether trajectory 0 has one disclosure redacted (withheld, with a RedactionApplied statement)
     * @param fillerEvery one leaf of another tenant after every so many statements (0: none)
     */
    public record Config(int trajectories, int stepsPerTrajectory, boolean redact, int fillerEvery) {

        public static Config small() {
            return new Config(3, 4, true, 2);
        }
    }

    /** What the generator made: the bundle's parts and the checkpoints a test needs around it. */
    public record Generated(TestBundle bundle, byte[] trustedCheckpoint, InMemoryMerkleTree tree, long trustedSize) {
    }

    private final Config config;
    private final Random random;
    private final InMemoryMerkleTree tree = new InMemoryMerkleTree();
    private final List<byte[]> statements = new ArrayList<>();
    private final List<Long> leaves = new ArrayList<>();
    private final List<List<Digest>> listings = new ArrayList<>();
    private final List<CborMap> disclosureListing = new ArrayList<>();
    private final List<TestBundle.Content> disclosures = new ArrayList<>();
    private final List<CborMap> artifactListing = new ArrayList<>();
    private final List<TestBundle.Content> artifacts = new ArrayList<>();
    private final Digest[] heads;
    private final long[] revisions;
    private long clock;
    private long trustedSize;

    private BundleGenerator(Config config) {
        this.config = config;
        this.random = new Random(config.hashCode());
        this.heads = new Digest[config.trajectories()];
        this.revisions = new long[config.trajectories()];
        java.util.Arrays.fill(heads, Digest.ZERO);
        for (int i = 0; i < config.trajectories(); i++) {
            listings.add(new ArrayList<>());
        }
    }

    public static Generated generate(Config config) {
        BundleGenerator generator = new BundleGenerator(config);
        generator.log();
        return generator.assemble();
    }

    /** Writes a bundle for {@code config} straight to {@code file}, holding no bundle-form statement in memory. */
    public static void write(Config config, Path file) throws IOException {
        BundleGenerator generator = new BundleGenerator(config);
        generator.log();
        Anchors anchors = generator.anchors();
        try (OutputStream out = Files.newOutputStream(file)) {
            BundleWriter writer = new BundleWriter(out);
            writer.manifest(generator.skeleton(anchors).manifest());
            for (int i = 0; i < generator.statements.size(); i++) {
                writer.statement(generator.bundleForm(i, anchors));
            }
            for (TestBundle.Content d : generator.disclosures) {
                writer.disclosure(d.digest(), d.bytes());
            }
            for (TestBundle.Content a : generator.artifacts) {
                writer.artifact(a.digest(), a.bytes());
            }
            writer.close();
        }
    }

    /** A statement of stream {@code stream} signed by {@code key}, in the log's form (no receipt). */
    public static byte[] statement(SigningKey key, String stream, long revision, Digest prev, Instant iat,
            String eventType, CborMap payload) {
        return Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/vnd.runtape.event+cbor"))
                .protectedParameter(HeaderLabels.CWT_CLAIMS, CborMap.builder()
                        .put(1, CborTextString.of(PRINCIPAL)).put(2, CborTextString.of(stream))
                        .put(6, CborInteger.of(iat.getEpochSecond())).build())
                .protectedParameter(StatementFacts.EVENT_TYPE, CborTextString.of(eventType))
                .protectedParameter(StatementFacts.STREAM_REVISION, CborInteger.of(revision))
                .protectedParameter(StatementFacts.EVENT_ID, CborTextString.of(stream + "#" + revision))
                .protectedParameter(StatementFacts.TENANT, CborTextString.of("acme"))
                .protectedParameter(StatementFacts.PREV, new CborByteString(prev.bytes()))
                .sign(payload.encode())
                .encode();
    }

    public static BundleKeys keys() {
        return new BundleKeys(List.of(
                new TimedKey(LEDGER.verificationKey(), Optional.of(T0.minusSeconds(86_400)), Optional.empty(),
                        Optional.empty()),
                new TimedKey(PRODUCER.verificationKey(), Optional.of(T0.minusSeconds(86_400)), Optional.empty(),
                        Optional.of(PRINCIPAL)),
                new TimedKey(RETIRED.verificationKey(), Optional.of(T0.minusSeconds(864_000)), Optional.of(REVOKED),
                        Optional.of(PRINCIPAL))));
    }

    public static String trajectoryId(int t) {
        return "t-" + t;
    }

    public static String stream(int t) {
        return "trajectory/" + trajectoryId(t);
    }

    /** Appends every statement to the log, the trajectories interleaved, with other tenants' leaves between. */
    private void log() {
        for (int t = 0; t < config.trajectories(); t++) {
            append(t, "TrajectoryStarted", CborMap.builder()
                    .put("trajectory-id", CborTextString.of(trajectoryId(t)))
                    .put("task-id", CborTextString.of("task-" + (t % 5)))
                    .put("actor", CborMap.builder().put("kind", CborTextString.of("agent"))
                            .put("agent", CborTextString.of("claude-code")).build())
                    .build());
        }
        Digest redacted = null;
        for (int step = 0; step < config.stepsPerTrajectory(); step++) {
            for (int t = 0; t < config.trajectories(); t++) {
                Digest content = disclose("step " + step + " of " + trajectoryId(t) + ": ran the tests");
                boolean redact = config.redact() && t == 0 && step == 1;
                if (redact) {
                    redacted = content;
                }
                disclosureListing.add(redact ? BundleWriter.withheldDisclosure(content, "redacted", Optional.empty())
                        : BundleWriter.includedDisclosure(content));
                if (redact) {
                    disclosures.removeLast();
                }
                append(t, "StepsRecorded", CborMap.builder()
                        .put("trajectory-id", CborTextString.of(trajectoryId(t)))
                        .put("steps", CborArray.of(CborMap.builder()
                                .put("kind", CborTextString.of("message"))
                                .put("index", CborInteger.of(step))
                                .put("role", CborTextString.of("assistant"))
                                .put("content", CborMap.builder().put("digest", new CborByteString(content.bytes()))
                                        .build())
                                .build()))
                        .build());
            }
            if (step == config.stepsPerTrajectory() / 2) {
                trustedSize = tree.size();
            }
        }
        for (int t = 0; t < config.trajectories(); t++) {
            byte[] png = new byte[64 + t];
            random.nextBytes(png);
            Digest artifact = Digest.sha256(png);
            artifacts.add(new TestBundle.Content(artifact, png));
            artifactListing.add(BundleWriter.artifact(artifact, true));
            append(t, "ArtifactAttached", CborMap.builder()
                    .put("trajectory-id", CborTextString.of(trajectoryId(t)))
                    .put("artifact", CborMap.builder().put("digest", new CborByteString(artifact.bytes()))
                            .put("media-type", CborTextString.of("image/png")).put("size", CborInteger.of(png.length))
                            .build())
                    .build());
            if (t == 0 && redacted != null) {
                append(t, "RedactionApplied", CborMap.builder()
                        .put("trajectory-id", CborTextString.of(trajectoryId(t)))
                        .put("digests", CborArray.of(new CborByteString(redacted.bytes())))
                        .put("kind", CborTextString.of("redact"))
                        .put("reason", CborTextString.of("secret"))
                        .build());
            }
            append(t, "TrajectoryCompleted", CborMap.builder()
                    .put("trajectory-id", CborTextString.of(trajectoryId(t)))
                    .put("outcome", CborTextString.of("success"))
                    .put("criteria-met", CborArray.of(CborTextString.of("tests pass")))
                    .build());
        }
        if (trustedSize == 0) {
            trustedSize = Math.max(1, tree.size() / 2);
        }
    }

    private Digest disclose(String text) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] encoded = CborArray.of(new CborByteString(salt), CborTextString.of(text)).encode();
        Digest digest = Digest.sha256(encoded);
        disclosures.add(new TestBundle.Content(digest, encoded));
        return digest;
    }

    private void append(int t, String eventType, CborMap payload) {
        // Even trajectories are signed by the ledger for the principal, odd ones by the producer's own key.
        SigningKey key = t % 2 == 0 ? LEDGER : PRODUCER;
        byte[] statement = statement(key, stream(t), revisions[t], heads[t], T0.plusSeconds(clock++), eventType,
                payload);
        Digest digest = Digest.sha256(statement);
        heads[t] = digest;
        revisions[t]++;
        listings.get(t).add(digest);
        statements.add(statement);
        leaves.add(tree.appendLeaf(statement));
        if (config.fillerEvery() > 0 && statements.size() % config.fillerEvery() == 0) {
            byte[] other = new byte[48];
            random.nextBytes(other);
            tree.appendLeaf(other);
        }
    }

    /** The checkpoints and receipts' template, once every statement is in the log. */
    private record Anchors(byte[] checkpoint, byte[] trusted, byte[] consistency, Receipt template, long size) {
    }

    private Anchors anchors() {
        long size = tree.size();
        Digest root = tree.root();
        CheckpointSigner signer = new CheckpointSigner(LEDGER);
        byte[] checkpoint = signer.sign(new Checkpoint(ORIGIN, size, root, T0.plusSeconds(clock + 60))).encode();
        byte[] trusted = signer.sign(new Checkpoint(ORIGIN, trustedSize, tree.root(trustedSize),
                T0.plusSeconds(clock / 2))).encode();
        ReceiptIssuer issuer = new ReceiptIssuer(LEDGER, ORIGIN);
        byte[] consistency = issuer.consistency(ProofBuilder.consistency(tree, trustedSize, size), root).encode();
        Receipt template = issuer.inclusion(ProofBuilder.inclusion(tree, leaves.getFirst(), size), root);
        return new Anchors(checkpoint, trusted, consistency, template, size);
    }

    /**
     * Statement {@code i} with its receipt. The receipt is the template's signed message with this leaf's proof in
     * the unprotected header: Ed25519 is deterministic, so signing the same root again would give the same bytes.
     */
    private byte[] bundleForm(int i, Anchors anchors) {
        InclusionProof proof = ProofBuilder.inclusion(tree, leaves.get(i), anchors.size());
        try {
            return BundleWriter.withReceipt(statements.get(i), List.of(receipt(anchors.template(), proof)));
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static Receipt receipt(Receipt template, InclusionProof proof) {
        List<CborValue> path = new ArrayList<>();
        proof.path().forEach(d -> path.add(new CborByteString(d.bytes())));
        CborArray encoded = CborArray.of(CborInteger.of(proof.treeSize()), CborInteger.of(proof.leafIndex()),
                new CborArray(path));
        CborMap vdp = CborMap.builder().put(Receipt.INCLUSION_PROOFS,
                CborArray.of(new CborByteString(encoded.encode()))).build();
        try {
            return Receipt.of(template.message().withUnprotectedHeader(
                    CborMap.builder().put(HeaderLabels.VDP, vdp).build()));
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestBundle skeleton(Anchors anchors) {
        List<TestBundle.Listing> trajectories = new ArrayList<>();
        for (int t = 0; t < config.trajectories(); t++) {
            trajectories.add(new TestBundle.Listing(trajectoryId(t), Optional.of(t % 3 == 2 ? "eval" : "train"),
                    listings.get(t)));
        }
        return new TestBundle(TestBundle.fields("exp-1", T0.plusSeconds(clock + 120).toEpochMilli()),
                anchors.checkpoint(), Optional.of(anchors.consistency()), keys().encode(), trajectories,
                disclosureListing, artifactListing, List.of(), disclosures, artifacts);
    }

    private Generated assemble() {
        Anchors anchors = anchors();
        TestBundle skeleton = skeleton(anchors);
        List<byte[]> bundleForms = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            bundleForms.add(bundleForm(i, anchors));
        }
        return new Generated(skeleton.withStatements(s -> bundleForms), anchors.trusted(), tree, trustedSize);
    }
}
