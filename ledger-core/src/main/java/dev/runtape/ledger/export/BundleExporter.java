package dev.runtape.ledger.export;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.content.ContentReferences;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.ledger.integrator.CheckpointConsistency;
import dev.runtape.ledger.integrator.NotIntegratedException;
import dev.runtape.ledger.integrator.ProofUnavailableException;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetCodec;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.bundle.BundleWriter;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Exports a dataset version as a bundle: every admitted trajectory's stream in full (its run, QA, labels, redactions),
 * in log order, each statement with its receipt for the latest checkpoint; the disclosures the content store still
 * holds (a redacted or erased one is listed as withheld, with the redaction's reason); the artifacts when asked; the
 * ledger's and the producers' key sets; and, from a checkpoint the recipient already trusts, a consistency receipt.
 * {@link #plan} decides everything and gives the manifest's digest for ExportSealed; {@link #write} streams the file,
 * reading the log again, so memory grows with the number of statements' digests only.
 */
public final class BundleExporter {

    private static final int PAGE = 1000;

    private final LedgerNode node;
    private final EventLog log;
    private final ContentStore content;
    private final Clock clock;

    public BundleExporter(LedgerNode node, Clock clock) {
        this.node = node;
        this.log = node.log();
        this.content = node.content();
        this.clock = clock;
    }

    /**
     * Plans the export of {@code datasetId} for {@code recipient}.
     *
     * @param since the size of a checkpoint the recipient trusts, for a consistency receipt to the bundle's
     * @throws ExportException if the dataset is unknown or empty, or no checkpoint covers its statements yet
     */
    public ExportPlan plan(String datasetId, String exportId, String recipient, @Nullable String purpose,
            boolean withArtifacts, @Nullable Long since) throws ExportException {
        try {
            return planned(datasetId, exportId, recipient, purpose, withArtifacts, since);
        } catch (FormatException | ContentStoreException e) {
            throw new ExportException("dataset " + datasetId + ": the ledger cannot be read: " + e.getMessage(), e);
        }
    }

    private ExportPlan planned(String datasetId, String exportId, String recipient, @Nullable String purpose,
            boolean withArtifacts, @Nullable Long since) throws ExportException, FormatException,
            ContentStoreException {
        DatasetMembers members = DatasetMembers.read(log, datasetId)
                .orElseThrow(() -> new ExportException("no dataset " + datasetId));
        DatasetDefined defined = members.defined();
        Map<String, @Nullable Split> admitted = members.admitted();
        if (defined == null) {
            throw new ExportException("dataset " + datasetId + " has no definition in its stream");
        }
        if (admitted.isEmpty()) {
            throw new ExportException("dataset " + datasetId + " has no admitted trajectory to export");
        }
        List<StreamId> streams = new ArrayList<>();
        List<CborValue> trajectories = new ArrayList<>();
        Set<Digest> disclosures = new LinkedHashSet<>();
        Set<Digest> artifacts = new LinkedHashSet<>();
        Map<Digest, CborMap> listing = new LinkedHashMap<>();
        Map<Digest, CborMap> artifactListing = new LinkedHashMap<>();
        long statements = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        long withheld = 0;
        for (Map.Entry<String, @Nullable Split> trajectory : admitted.entrySet()) {
            StreamId id = StreamId.of(StreamId.Kind.TRAJECTORY, trajectory.getKey());
            List<LogEntry> entries = log.readStream(id);
            streams.add(id);
            List<Digest> digests = new ArrayList<>();
            Map<Digest, RedactionApplied> redactions = new LinkedHashMap<>();
            List<Digest> referenced = new ArrayList<>();
            List<Digest> referencedArtifacts = new ArrayList<>();
            for (LogEntry entry : entries) {
                digests.add(entry.statement().digest());
                last = Math.max(last, entry.position());
                first = Math.min(first, entry.position());
                Statement statement = Statement.read(entry.statement());
                if (entry.eventType().equals("RedactionApplied")) {
                    RedactionApplied redaction = PayloadCodec.decode(statement.payload(), RedactionApplied.class);
                    redaction.digests().forEach(d -> redactions.put(d, redaction));
                } else {
                    ContentReferences.walk(statement.payload(), (digest, artifact) ->
                            (artifact ? referencedArtifacts : referenced).add(digest));
                }
            }
            statements += entries.size();
            trajectories.add(BundleWriter.trajectory(trajectory.getKey(),
                    Optional.ofNullable(trajectory.getValue()).map(Split::wire), digests));
            for (Digest digest : referenced) {
                if (listing.containsKey(digest)) {
                    continue;
                }
                if (content.contains(digest)) {
                    listing.put(digest, BundleWriter.includedDisclosure(digest));
                    disclosures.add(digest);
                } else {
                    RedactionApplied redaction = redactions.get(digest);
                    listing.put(digest, BundleWriter.withheldDisclosure(digest, redaction == null ? "erased"
                            : redaction.kind() == RedactionApplied.Kind.ERASE ? "erased" : "redacted",
                            Optional.of(redaction == null ? "no longer in the content store" : redaction.reason())));
                    withheld++;
                }
            }
            for (Digest digest : referencedArtifacts) {
                boolean include = withArtifacts && content.contains(digest);
                artifactListing.putIfAbsent(digest, BundleWriter.artifact(digest, include));
                if (include) {
                    artifacts.add(digest);
                }
            }
        }
        SignedCheckpoint checkpoint = node.proofs().latestCheckpoint().filter(c -> c.treeSize() >= 1)
                .orElseThrow(() -> new ExportException("no signed checkpoint yet: the integrator has not run"));
        if (checkpoint.treeSize() < last) {
            throw new ExportException("the latest checkpoint (size " + checkpoint.treeSize() + ") does not cover the "
                    + "export's last statement at position " + last + " yet; retry once the integrator has run");
        }
        CborMap.Builder manifest = CborMap.builder()
                .put("format", CborTextString.of(BundleWriter.FORMAT))
                .put("export-id", CborTextString.of(exportId))
                .put("dataset", CborMap.builder().put("dataset-id", CborTextString.of(datasetId))
                        .put("name", CborTextString.of(defined.name()))
                        .put("version", CborTextString.of(defined.version())).build())
                .put("recipient", CborTextString.of(recipient));
        if (purpose != null) {
            manifest.put("purpose", CborTextString.of(purpose));
        }
        manifest.put("created", CborInteger.of(clock.millis()))
                .put("checkpoint", new CborByteString(checkpoint.encode()));
        if (since != null) {
            manifest.put("consistency", new CborByteString(consistency(since, checkpoint)));
        }
        List<KeyRecord> keys = new ArrayList<>(node.keys().records());
        keys.addAll(node.producers().records());
        manifest.put("key-sets", new CborByteString(KeySetCodec.encode(keys)))
                .put("trajectories", new CborArray(trajectories))
                .put("disclosures", new CborArray(new ArrayList<>(listing.values())))
                .put("artifacts", new CborArray(new ArrayList<>(artifactListing.values())));
        CborMap built = manifest.build();
        return new ExportPlan(datasetId, exportId, recipient, purpose, built, Digest.sha256(built.encode()),
                checkpoint, streams, first, statements, disclosures, artifacts, withheld);
    }

    private byte[] consistency(long since, SignedCheckpoint checkpoint) throws ExportException {
        if (since < 1 || since > checkpoint.treeSize()) {
            throw new ExportException("--since: expected the size of a checkpoint from 1 to " + checkpoint.treeSize()
                    + ", found " + since);
        }
        CheckpointConsistency proof;
        try {
            proof = node.proofs().consistency(since, checkpoint.treeSize());
        } catch (ProofUnavailableException e) {
            throw new ExportException("--since " + since + ": " + e.getMessage(), e);
        }
        return new ReceiptIssuer(node.keys().primary(), node.settings().integrator().origin())
                .consistency(proof.proof(), checkpoint.root()).encode();
    }

    /**
     * Writes the planned bundle: the manifest, the statements in log order with their receipts, the included
     * disclosures and artifacts.
     *
     * @param progress told how many statements are written, after each
     */
    public void write(ExportPlan plan, OutputStream out, LongConsumer progress) throws ExportException, IOException {
        write(plan, out, progress, Optional.empty());
    }

    /**
     * Writes the planned bundle with the dataset's provenance audit (its JSON signed by the ledger as a COSE_Sign1,
     * made by the caller: the audit is a projection, which this module does not depend on) after the contents.
     */
    public void write(ExportPlan plan, OutputStream out, LongConsumer progress, Optional<byte[]> signedAudit)
            throws ExportException, IOException {
        BundleWriter writer = new BundleWriter(out);
        writer.manifest(plan.manifest());
        // The log in order from the first included statement, keeping only the export's streams: one page in
        // memory at a time, however large the export.
        Set<StreamId> included = new HashSet<>(plan.streams());
        long written = 0;
        try {
            for (long after = plan.firstPosition() - 1; written < plan.statements(); ) {
                List<LogEntry> page = log.readAfter(after, PAGE);
                if (page.isEmpty()) {
                    throw new ExportException("dataset " + plan.datasetId() + ": the log ended before all "
                            + plan.statements() + " statements of the export were read");
                }
                for (LogEntry entry : page) {
                    if (included.contains(entry.stream())) {
                        writer.statement(BundleWriter.withReceipt(entry.statement().bytes(), List.of(
                                node.proofs().receiptForPosition(entry.position(), plan.checkpoint()).receipt())));
                        progress.accept(++written);
                    }
                }
                after = page.getLast().position();
            }
            for (Digest digest : plan.disclosures()) {
                writer.disclosure(digest, required(digest));
            }
            for (Digest digest : plan.artifacts()) {
                writer.artifact(digest, required(digest));
            }
            if (signedAudit.isPresent()) {
                writer.audit(signedAudit.get());
            }
        } catch (FormatException | NotIntegratedException | ContentStoreException e) {
            throw new ExportException("dataset " + plan.datasetId() + ": " + e.getMessage(), e);
        }
        writer.close();
    }

    private byte[] required(Digest digest) throws ContentStoreException, ExportException {
        return content.get(digest).orElseThrow(() -> new ExportException("the content " + digest.hex()
                + " left the content store while the export was written; export again"));
    }
}
