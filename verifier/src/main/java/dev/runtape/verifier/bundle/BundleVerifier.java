package dev.runtape.verifier.bundle;

import dev.runtape.verifier.cose.Sign1Verifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborByteString;
import java.security.MessageDigest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointVerifier;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import dev.runtape.cbor.CborProfile;
import dev.runtape.verifier.CborInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Verifies a bundle file offline, streaming it once: the manifest, then each entry as it comes. The reading thread
 * frames the entries and hands them in batches to one worker per core ({@link EntryChecks}), which read each
 * statement (decoding, digest, leaf hash), prove its receipt, look it up in the manifest and check its schema and
 * signature, and hash each disclosure and artifact: everything that needs only the entry, the manifest, the
 * checkpoint and the key set. The reading thread takes the batches back in bundle order for the checks that follow
 * it (chains, log order, the manifest's listing). The manifest's lists are checked on the same workers.
 *
 * <p>A failure of one item never stops the others: the report names every item that failed and why. Only a bundle
 * that cannot be read further (truncated, an entry that cannot be delimited) ends early, and what it lacks is then
 * reported as missing.
 */
public final class BundleVerifier {

    /** Entries handed to a worker at once: enough to make the hand-over cheap, and the receipts' memo's runs long. */
    private static final int BATCH = 1024;
    /** Bytes of a batch beyond which it is handed over before it is full. */
    private static final long BATCH_BYTES = 2 << 20;
    /** Bytes of the batches in flight beyond which the reading thread waits for the oldest, bounding the heap. */
    private static final long IN_FLIGHT_BYTES = 16 << 20;
    /**
     * What an entry in flight holds besides its bytes (its frame, digest, results), counted with them: so that many
     * small disclosures in flight are bounded as their heap, not their bytes, are.
     */
    private static final long ENTRY_BYTES = 256;
    /**
     * Batches in flight a worker, at most. Many, so that the reading thread, once past the statements, frames the
     * small disclosures on while the workers still check the last statements, instead of waiting for each batch.
     */
    private static final int BATCHES_A_WORKER = 32;

    /**
     * @param fast checkpoint signature, chains, digests and proofs only: no per-statement signature or schema check
     * @param trustedCheckpoint a signed checkpoint the recipient already trusts, to check the bundle's against
     * @param threads the workers for the checks of each entry alone
     * @param requireSeal a bundle without its seal fails, instead of having the seal check skipped
     */
    public record Options(boolean fast, Optional<CoseSign1> trustedCheckpoint, int threads, boolean requireSeal) {

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** Full verification on every core, with no trusted checkpoint. */
        public static Options defaults() {
            return new Options(false, Optional.empty(), Runtime.getRuntime().availableProcessors(), false);
        }

        public Options withFast(boolean fast) {
            return new Options(fast, trustedCheckpoint, threads, requireSeal);
        }

        public Options withTrustedCheckpoint(CoseSign1 checkpoint) {
            return new Options(fast, Optional.of(checkpoint), threads, requireSeal);
        }

        public Options withRequiredSeal(boolean required) {
            return new Options(fast, trustedCheckpoint, threads, required);
        }
    }

    private final Options options;
    private final Findings findings = new Findings();

    private BundleVerifier(Options options) {
        this.options = options;
    }

    /**
     * Verifies the bundle at {@code file}.
     *
     * @throws IOException if the file cannot be read (a malformed bundle is a report, not an exception)
     */
    public static BundleReport verify(Path file, Options options) throws IOException {
        return new BundleVerifier(options).run(file);
    }

    private BundleReport run(Path file) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "bundle-workers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(file, workers);
        } finally {
            // Every task was waited for; an exception may leave some, which nothing reads any more.
            workers.shutdownNow();
        }
    }

    private BundleReport run(Path file, ExecutorService workers) throws IOException {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        BundleReader reader;
        try {
            reader = BundleReader.open(file, workers);
        } catch (FormatException e) {
            findings.failed(Check.FORMAT, "manifest", e.getMessage());
            return report(name, Optional.empty(), Optional.empty(), 0, 0, List.of(), started);
        }
        try (reader) {
            Manifest manifest = reader.manifest();
            findings.passed(Check.FORMAT);
            manifest.duplicates().forEach(d -> findings.failed(Check.MANIFEST, "manifest", d));
            Optional<BundleKeys> keys = keys(manifest);
            Optional<Checkpoint> checkpoint = checkpoint(manifest, keys);
            consistency(manifest, keys, checkpoint);
            Entries entries = new Entries(reader, keys, checkpoint, workers);
            entries.readAll();
            List<Withheld> withheld = entries.listing.finish();
            return report(name, Optional.of(manifest), checkpoint, entries.statements, entries.chains.streams(),
                    withheld, started);
        }
    }

    private Optional<BundleKeys> keys(Manifest manifest) {
        try {
            return Optional.of(BundleKeys.decode(manifest.keySets()));
        } catch (FormatException e) {
            findings.failed(Check.FORMAT, "manifest key-sets", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Checkpoint> checkpoint(Manifest manifest, Optional<BundleKeys> keys) {
        CoseSign1 signed;
        Checkpoint checkpoint;
        try {
            signed = CoseSign1.fromCbor(CborInput.decode(manifest.checkpoint(), CborProfile.DETERMINISTIC, "checkpoint"));
            checkpoint = Checkpoint.decode(signed.payload().orElseThrow(() ->
                    new FormatException("checkpoint: the payload must be attached")));
        } catch (FormatException e) {
            findings.failed(Check.CHECKPOINT, "checkpoint", e.getMessage());
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            findings.failed(Check.CHECKPOINT, "checkpoint", "no key set to verify it with");
            return Optional.of(checkpoint);
        }
        try {
            verifyCheckpoint(signed, keys.get());
            findings.passed(Check.CHECKPOINT);
        } catch (FormatException | VerificationException e) {
            findings.failed(Check.CHECKPOINT, "checkpoint", e.getMessage());
        }
        return Optional.of(checkpoint);
    }

    /** A checkpoint's signature, by a ledger key valid at the checkpoint's time. */
    private static Checkpoint verifyCheckpoint(CoseSign1 signed, BundleKeys keys)
            throws FormatException, VerificationException {
        Checkpoint checkpoint = CheckpointVerifier.verify(signed, keys.ledgerKeys());
        TimedKey key = keys.find(signed.kid().orElseThrow()).orElseThrow();
        Optional<String> invalid = key.whyNotValidAt(checkpoint.timestamp());
        if (invalid.isPresent()) {
            throw new VerificationException(invalid.get() + " (the checkpoint's timestamp)");
        }
        return checkpoint;
    }

    private void consistency(Manifest manifest, Optional<BundleKeys> keys, Optional<Checkpoint> checkpoint) {
        if (options.trustedCheckpoint().isEmpty()) {
            findings.skip(Check.CONSISTENCY, "no trusted checkpoint given");
            return;
        }
        String item = "trusted checkpoint";
        if (keys.isEmpty() || checkpoint.isEmpty()) {
            findings.failed(Check.CONSISTENCY, item, "the bundle has no readable checkpoint or key set to check against");
            return;
        }
        try {
            Checkpoint trusted = verifyCheckpoint(options.trustedCheckpoint().get(), keys.get());
            Checkpoint bundled = checkpoint.get();
            if (!trusted.origin().equals(bundled.origin())) {
                throw new VerificationException("the trusted checkpoint is of log \"" + trusted.origin()
                        + "\", the bundle's of \"" + bundled.origin() + "\"");
            }
            if (trusted.treeSize() > bundled.treeSize()) {
                throw new VerificationException("stale: the bundle's checkpoint (" + bundled.treeSize()
                        + " leaves) is older than the trusted one (" + trusted.treeSize() + " leaves)");
            }
            if (trusted.treeSize() == bundled.treeSize()) {
                if (!trusted.root().equals(bundled.root())) {
                    throw new VerificationException("the bundle's checkpoint and the trusted one both have "
                            + bundled.treeSize() + " leaves but different roots: " + bundled.root() + " and "
                            + trusted.root());
                }
            } else {
                byte[] proof = manifest.consistency().orElseThrow(() -> new VerificationException(
                        "the manifest carries no consistency receipt from the trusted checkpoint's "
                                + trusted.treeSize() + " leaves"));
                Receipt receipt = Receipt.decode(proof);
                if (receipt.consistencyProofs().size() != 1
                        || receipt.consistencyProofs().getFirst().size1() != trusted.treeSize()) {
                    throw new VerificationException("the manifest's consistency receipt does not start from the "
                            + "trusted checkpoint's " + trusted.treeSize() + " leaves");
                }
                var key = keys.get().ledgerKeys().find(receipt.message().kid().orElse(new byte[0])).orElseThrow(() ->
                        new VerificationException("the consistency receipt is not signed by a ledger key"));
                TreeHead head = ReceiptVerifier.verifyConsistency(receipt, trusted.root(), key);
                CheckpointVerifier.verifyCovers(bundled, head);
            }
            findings.passed(Check.CONSISTENCY);
        } catch (FormatException | VerificationException e) {
            findings.failed(Check.CONSISTENCY, item, e.getMessage());
        }
    }

    private BundleReport report(String name, Optional<Manifest> manifest, Optional<Checkpoint> checkpoint,
            long statements, long streams, List<Withheld> withheld, long started) {
        return new BundleReport(name, manifest.map(Manifest::exportId),
                manifest.map(m -> m.datasetId() + " (" + m.datasetName() + ", version " + m.datasetVersion() + ")"),
                manifest.map(Manifest::recipient), manifest.map(Manifest::digest),
                checkpoint.map(c -> new BundleReport.CheckpointHead(c.origin(), c.treeSize(), c.root(), c.timestamp())),
                options.fast(), statements, streams, findings.tallies(), findings.kept(), findings.total(), withheld,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The entries after the manifest: read in order, checked in order here and in parallel by the workers. */
    private final class Entries {

        private final ManifestListing listing;
        private final StreamChains chains = new StreamChains();
        private final Findings.Passes passes = new Findings.Passes();
        private final EntryChecks checks;
        private final ExecutorService workers;
        /** Batches handed to the workers, oldest first: their results are taken in bundle order. */
        private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        private final int maxInFlight;
        private long inFlightBytes;
        private List<EntryChecks.Framed> batch = new ArrayList<>(BATCH);
        private long batchBytes;
        /** Where the last entry of the batch ends in the bundle. */
        private long batchEnd;
        private long statements;
        private long lastLeaf = -1;
        private boolean pastStatements;
        private boolean sealed;
        private boolean audited;
        private final BundleReader reader;
        private final Manifest manifest;
        private final Optional<BundleKeys> keys;

        /**
         * @param bytes the bytes of its entries
         * @param readTo where the bundle had been read to when it was handed over: its entries end there or before
         */
        private record InFlight(Future<List<EntryChecks.Read>> read, long bytes, long readTo) {
        }

        Entries(BundleReader reader, Optional<BundleKeys> keys, Optional<Checkpoint> checkpoint,
                ExecutorService workers) {
            this.reader = reader;
            this.manifest = reader.manifest();
            this.keys = keys;
            this.listing = new ManifestListing(manifest.index(), findings);
            Optional<ReceiptCheck> receipts = checkpoint.flatMap(c -> keys.map(k -> new ReceiptCheck(c, k.ledgerKeys())));
            if (checkpoint.isEmpty()) {
                findings.skip(Check.RECEIPT, "no readable checkpoint");
            } else if (keys.isEmpty()) {
                findings.skip(Check.RECEIPT, "no readable key set");
            }
            Optional<SignatureCheck> signatures;
            if (options.fast()) {
                findings.skip(Check.SIGNATURE, "--fast");
                findings.skip(Check.SCHEMA, "--fast");
                signatures = Optional.empty();
            } else {
                signatures = keys.map(SignatureCheck::new);
                if (keys.isEmpty()) {
                    findings.skip(Check.SIGNATURE, "no readable key set");
                }
            }
            this.checks = new EntryChecks(findings, manifest.index(), chains, receipts, signatures,
                    !options.fast());
            this.workers = workers;
            this.maxInFlight = options.threads() * BATCHES_A_WORKER;
        }

        void readAll() throws IOException {
            while (true) {
                Optional<BundleEntry> entry;
                try {
                    entry = reader.next();
                } catch (FormatException e) {
                    findings.failed(Check.FORMAT, "bundle", e.getMessage());
                    if (reader.lostTrack()) {
                        break;
                    }
                    continue;
                }
                if (entry.isEmpty()) {
                    break;
                }
                passes.passed(Check.FORMAT);
                if (entry.get() instanceof BundleEntry.AuditEntry || entry.get() instanceof BundleEntry.SealEntry) {
                    drain();
                }
                switch (entry.get()) {
                    case BundleEntry.StatementEntry s -> statement(s);
                    case BundleEntry.DisclosureEntry d -> disclosure(d);
                    case BundleEntry.ArtifactEntry a -> artifact(a);
                    case BundleEntry.AuditEntry audit -> audit(audit);
                    case BundleEntry.SealEntry seal -> seal(seal);
                }
            }
            if (!audited) {
                findings.skip(Check.AUDIT, "the bundle carries no provenance audit");
            }
            if (!sealed && options.requireSeal()) {
                findings.failed(Check.SEAL, "bundle", "no seal: the manifest's own fields (recipient, created, "
                        + "splits, key validity) are covered by no signature, and --require-seal asks for one");
            } else if (!sealed) {
                findings.skip(Check.SEAL, "the bundle carries no seal: the manifest's own fields (recipient, "
                        + "created, splits, key validity) are covered by no signature");
            }
            drain();
            findings.passed(passes);
        }

        /** Frames the statement for the workers; what needs bundle order is checked when its batch comes back. */
        private void statement(BundleEntry.StatementEntry entry) {
            long number = statements++;
            if (pastStatements) {
                findings.failed(Check.FORMAT, "entry " + entry.ordinal() + " (statement " + number + ")",
                        "a statement after the disclosures, artifacts or seal; statements come first");
            }
            toWorkers(new EntryChecks.Framed(entry, number), entry.content().length());
        }

        private void disclosure(BundleEntry.DisclosureEntry entry) {
            if (sealed) {
                findings.failed(Check.FORMAT, "disclosure " + entry.digest(), "after the seal; the seal comes last");
            }
            pastStatements = true;
            toWorkers(new EntryChecks.Framed(entry, -1), entry.content().length());
        }

        private void artifact(BundleEntry.ArtifactEntry entry) {
            if (sealed) {
                findings.failed(Check.FORMAT, "artifact " + entry.digest(), "after the seal; the seal comes last");
            }
            pastStatements = true;
            toWorkers(new EntryChecks.Framed(entry, -1), entry.content().length());
        }

        private void toWorkers(EntryChecks.Framed framed, long bytes) {
            batch.add(framed);
            batchBytes += bytes + ENTRY_BYTES;
            batchEnd = reader.offset();
            if (batch.size() == BATCH || batchBytes >= BATCH_BYTES) {
                flush();
            }
        }

        /** Hands the batch to the workers, taking back the oldest batches beyond those allowed in flight. */
        private void flush() {
            if (!batch.isEmpty()) {
                List<EntryChecks.Framed> work = batch;
                inFlight.add(new InFlight(workers.submit(() -> checks.check(work)), batchBytes, batchEnd));
                inFlightBytes += batchBytes;
                batch = new ArrayList<>(BATCH);
                batchBytes = 0;
            }
            while (inFlight.size() > maxInFlight || (inFlight.size() > 1 && inFlightBytes > IN_FLIGHT_BYTES)) {
                inOrder(inFlight.remove());
            }
        }

        /** Every entry read so far, checked: before the audit or the seal, and at the end. */
        private void drain() {
            flush();
            while (!inFlight.isEmpty()) {
                inOrder(inFlight.remove());
            }
        }

        /** The checks that follow the bundle's order, on one batch the workers have read. */
        private void inOrder(InFlight batch) {
            inFlightBytes -= batch.bytes();
            List<EntryChecks.Read> read;
            try {
                read = batch.read().get();
            } catch (ExecutionException e) {
                findings.failed(Check.FORMAT, "bundle", "internal error while checking entries: " + e.getCause());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                findings.failed(Check.FORMAT, "bundle", "interrupted before the entries were checked");
                return;
            }
            // What the workers give back holds no entry's bytes, and the batches before this one are done: no entry
            // up to this batch's last is held any more.
            reader.release(batch.readTo());
            for (EntryChecks.Read entry : read) {
                switch (entry) {
                    case EntryChecks.Statement statement -> inOrder(statement);
                    case EntryChecks.Content content when content.disclosure() ->
                            listing.disclosure(content.digest(), content.listed());
                    case EntryChecks.Content content -> listing.artifact(content.digest(), content.listed());
                }
            }
        }

        private void inOrder(EntryChecks.Statement checked) {
            StreamChains.Link link = checked.link();
            int listed = listing.find(link.digest(), chains.listedAfter(link));
            String broken = chains.link(link, listed);
            if (broken == null) {
                passes.passed(Check.CHAIN);
            } else {
                findings.failed(Check.CHAIN, checked.item(), broken);
            }
            listing.statement(checked::item, listed, checked.listed(), checked.redaction());
            long leaf = checked.leaf();
            if (leaf >= 0) {
                if (leaf <= lastLeaf) {
                    findings.failed(Check.CHAIN, checked.item(), "not in log order: leaf " + leaf + " comes after leaf "
                            + lastLeaf);
                }
                lastLeaf = Math.max(lastLeaf, leaf);
            }
        }

        /** The audit: a COSE_Sign1 by a ledger key whose JSON payload is the audit of this bundle's dataset. */
        private void audit(BundleEntry.AuditEntry entry) {
            String item = "audit (entry " + entry.ordinal() + ")";
            if (sealed) {
                findings.failed(Check.FORMAT, item, "after the seal; the seal comes last");
            }
            audited = true;
            pastStatements = true;
            try {
                if (keys.isEmpty()) {
                    throw new VerificationException("no key set to verify it with");
                }
                CoseSign1 message = CoseSign1.decode(entry.bytes());
                Sign1Verifier.verify(message, keys.get().ledgerKeys(), new byte[0], Optional.empty());
                JsonNode report = new ObjectMapper().readTree(message.payload().orElseThrow(() ->
                        new VerificationException("the audit's payload is detached")));
                if (!report.path("format").asText().equals("runtape-provenance-audit/1")
                        || !report.path("dataset-id").asText().equals(manifest.datasetId())) {
                    throw new VerificationException("not the provenance audit of dataset " + manifest.datasetId());
                }
                findings.passed(Check.AUDIT);
            } catch (FormatException | VerificationException e) {
                findings.failed(Check.AUDIT, item, e.getMessage());
            } catch (java.io.IOException e) {
                findings.failed(Check.AUDIT, item, "its payload is not JSON: " + e.getMessage());
            }
        }

        /** The seal: an ExportSealed statement by a ledger key naming this manifest's digest, export and dataset. */
        private void seal(BundleEntry.SealEntry entry) {
            String item = "seal (entry " + entry.ordinal() + ")";
            if (sealed) {
                findings.failed(Check.SEAL, item, "a second seal");
                return;
            }
            sealed = true;
            pastStatements = true;
            try {
                StatementFacts statement = StatementFacts.read(entry.bytes());
                if (!statement.eventType().equals("ExportSealed")) {
                    throw new VerificationException("expected an ExportSealed statement, found " + statement.eventType());
                }
                if (keys.isEmpty() || keys.get().find(statement.kid()).filter(TimedKey::isLedgerKey).isEmpty()) {
                    throw new VerificationException("not signed by a ledger key of the bundle's key set");
                }
                new SignatureCheck(keys.get()).verify(statement);
                CborMap payload = statement.payload();
                byte[] sealedDigest = payload.get("manifest-digest").filter(v -> v instanceof CborByteString)
                        .map(v -> ((CborByteString) v).bytes()).orElse(new byte[0]);
                if (!MessageDigest.isEqual(sealedDigest, manifest.digest().bytes())) {
                    throw new VerificationException("the ledger sealed the manifest " + hex(sealedDigest)
                            + ", not this one (" + manifest.digest() + "): the manifest was altered");
                }
                String export = payload.get("export-id").map(Object::toString).orElse("");
                String dataset = payload.get("dataset-id").map(Object::toString).orElse("");
                if (!export.equals(CborTextString.of(manifest.exportId()).toString())
                        || !dataset.equals(CborTextString.of(manifest.datasetId()).toString())) {
                    throw new VerificationException("the seal is of export " + export + " of dataset " + dataset
                            + ", not of this manifest's");
                }
                findings.passed(Check.SEAL);
            } catch (FormatException | VerificationException e) {
                findings.failed(Check.SEAL, item, e.getMessage());
            }
        }

        private static String hex(byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        }
    }
}
