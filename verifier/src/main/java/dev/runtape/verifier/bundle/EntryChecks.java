package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of an entry that need no other entry, run by the workers on a batch of consecutive entries: of a
 * statement, reading it (its digest and leaf hash included), its receipt, where the manifest lists it and the contents
 * its payload refers to (the index is read-only by now), and
 * unless {@code --fast} its schema and signature (the signatures of a batch verified together, {@link
 * SignatureBatch}); of a disclosure or an artifact, its digest (and a disclosure's
 * shape). What the checks in bundle order still need is handed back as a {@link Read}. Thread-safe: a batch keeps
 * its own state.
 */
final class EntryChecks {

    /**
     * A statement, disclosure or artifact entry as the reading thread framed it.
     *
     * @param number the statement's number among the statements; -1 for a disclosure or an artifact
     */
    record Framed(BundleEntry entry, long number) {
    }

    /** What the checks in bundle order need of an entry the workers read. */
    sealed interface Read {
    }

    /**
     * A statement that could be read: only what the checks in bundle order need, so that a batch waiting for them
     * holds no decoded statements.
     *
     * @param leaf its leaf index as its receipt proved it, or -1 when no receipt did (that failure already reported)
     * @param listed where the manifest lists what it refers to
     * @param redaction its payload when it is a RedactionApplied, for the reasons of what it withholds
     */
    record Statement(long number, StreamChains.Link link, long leaf, ManifestListing.Listed listed,
            Optional<CborMap> redaction) implements Read {

        /** The statement as a finding names it; made only for a finding. */
        String item() {
            return EntryChecks.item(number, link.position(), link.digest());
        }
    }

    /**
     * A disclosure or an artifact, by the digest it is listed under.
     *
     * @param listed its number in the manifest's index ({@link ManifestIndex#disclosure} or {@link
     *     ManifestIndex#artifact}), or -1
     */
    record Content(Digest digest, boolean disclosure, int listed) implements Read {
    }

    private final Findings findings;
    private final ManifestIndex index;
    private final StreamChains chains;
    private final Optional<ReceiptCheck> receipts;
    private final Optional<SignatureCheck> signatures;
    private final boolean shapes;

    /**
     * @param chains where each statement's stream is found, for its link
     * @param signatures empty under {@code --fast} (schema and signature skipped) or without a readable key set
     * @param shapes whether a disclosure's shape is checked besides its digest: a schema check, which {@code --fast}
     *     skips
     */
    EntryChecks(Findings findings, ManifestIndex index, StreamChains chains, Optional<ReceiptCheck> receipts,
            Optional<SignatureCheck> signatures, boolean shapes) {
        this.findings = findings;
        this.index = index;
        this.chains = chains;
        this.receipts = receipts;
        this.signatures = signatures;
        this.shapes = shapes;
    }

    /** Checks a batch; returns, in its order, what the checks in bundle order need of it. */
    List<Read> check(List<Framed> batch) {
        List<Read> read = new ArrayList<>(batch.size());
        // Consecutive statements have neighbouring leaves: their proofs share most of their inner nodes.
        Optional<ReceiptCheck.Batch> proofs = receipts.map(ReceiptCheck::batch);
        Optional<SignatureBatch> signed = signatures.map(check -> new SignatureBatch(findings));
        ManifestListing.Guesses guesses = new ManifestListing.Guesses();
        ManifestListing.Guesses held = new ManifestListing.Guesses();
        Findings.Passes passes = new Findings.Passes();
        for (Framed framed : batch) {
            switch (framed.entry()) {
                case BundleEntry.StatementEntry s ->
                        statement(s, framed.number(), proofs, signed, guesses, passes).ifPresent(read::add);
                case BundleEntry.DisclosureEntry d -> read.add(disclosure(d, held, passes));
                case BundleEntry.ArtifactEntry a -> read.add(artifact(a, held, passes));
                default -> throw new IllegalArgumentException("not an entry for the workers: " + framed.entry());
            }
        }
        signed.ifPresent(SignatureBatch::finish);
        findings.passed(passes);
        return read;
    }

    private Optional<Read> statement(BundleEntry.StatementEntry entry, long number,
            Optional<ReceiptCheck.Batch> proofs, Optional<SignatureBatch> signed, ManifestListing.Guesses guesses,
            Findings.Passes passes) {
        StatementFacts statement;
        try {
            // Schema and signature need the decoded statement; without them its facts are taken where they lie.
            statement = signatures.isPresent() ? StatementFacts.read(entry.bytes())
                    : StatementFacts.scan(entry.content());
        } catch (FormatException e) {
            findings.failed(Check.SCHEMA, "entry " + entry.ordinal() + " (statement " + number + ")", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            findings.failed(Check.FORMAT, "entry " + entry.ordinal() + " (statement " + number + ")",
                    "internal error: " + e);
            return Optional.empty();
        }
        long leaf = proofs.isPresent() ? leafIndex(proofs.get(), number, statement, passes) : -1;
        signatures.ifPresent(check -> schemaAndSignature(check, number, statement, signed.orElseThrow(), passes));
        Optional<CborMap> redaction = statement.eventType().equals("RedactionApplied")
                ? Optional.of(statement.payload()) : Optional.empty();
        return Optional.of(new Statement(number, chains.linkOf(statement), leaf,
                ManifestListing.lookUp(index, statement, guesses), redaction));
    }

    /** A statement as findings name it: {@code statement N (STREAM #REVISION, DIGEST)}. */
    static String item(long number, StatementFacts statement) {
        return item(number, statement.position(), statement.digest());
    }

    private static String item(long number, String position, Digest digest) {
        return "statement " + number + " (" + position + ", " + digest + ")";
    }

    private long leafIndex(ReceiptCheck.Batch proofs, long number, StatementFacts statement,
            Findings.Passes passes) {
        try {
            long leaf = proofs.leafIndex(statement);
            passes.passed(Check.RECEIPT);
            return leaf;
        } catch (VerificationException e) {
            findings.failed(Check.RECEIPT, item(number, statement), e.getMessage());
        } catch (RuntimeException e) {
            findings.failed(Check.RECEIPT, item(number, statement), "internal error: " + e);
        }
        return -1;
    }

    /** Checks the schema and admits the signature to the batch's, which verifies it with the others. */
    private void schemaAndSignature(SignatureCheck check, long number, StatementFacts statement,
            SignatureBatch signed, Findings.Passes passes) {
        try {
            SignatureCheck.schemaProblem(statement).ifPresentOrElse(
                    reason -> findings.failed(Check.SCHEMA, item(number, statement), reason),
                    () -> passes.passed(Check.SCHEMA));
            signed.add(number, statement, check.admit(statement));
        } catch (VerificationException e) {
            findings.failed(Check.SIGNATURE, item(number, statement), e.getMessage());
        } catch (RuntimeException e) {
            findings.failed(Check.SIGNATURE, item(number, statement), "internal error: " + e);
        }
    }

    /** A disclosure's bytes hash to its digest and, unless {@code --fast}, are a disclosure {@code [salt, value]}. */
    private Read disclosure(BundleEntry.DisclosureEntry entry, ManifestListing.Guesses guesses,
            Findings.Passes passes) {
        Content listed = new Content(entry.digest(), true, guesses.disclosureHeld(index, entry.digest()));
        Digest actual = sha256(entry.content());
        if (!actual.equals(entry.digest())) {
            findings.failed(Check.DISCLOSURE, "disclosure " + entry.digest(), "its bytes hash to " + actual
                    + ", not to its digest");
            return listed;
        }
        if (!shapes) {
            passes.passed(Check.DISCLOSURE);
            return listed;
        }
        try {
            var value = CborInput.decode(entry.bytes(), CborProfile.DETERMINISTIC, "disclosure");
            var result = RuntapeSchemas.validator("disclosure").validate(value);
            if (!result.isValid()) {
                throw new FormatException("not a disclosure [salt, value]: " + result.failures().getFirst());
            }
            passes.passed(Check.DISCLOSURE);
        } catch (FormatException e) {
            findings.failed(Check.DISCLOSURE, "disclosure " + entry.digest(), e.getMessage());
        }
        return listed;
    }

    /** An artifact's bytes hash to its digest. */
    private Read artifact(BundleEntry.ArtifactEntry entry, ManifestListing.Guesses guesses, Findings.Passes passes) {
        Digest actual = sha256(entry.content());
        if (actual.equals(entry.digest())) {
            passes.passed(Check.ARTIFACT);
        } else {
            findings.failed(Check.ARTIFACT, "artifact " + entry.digest(), "its bytes hash to " + actual
                    + ", not to its digest");
        }
        return new Content(entry.digest(), false, guesses.artifactHeld(index, entry.digest()));
    }

    private static Digest sha256(ByteRange content) {
        return Digest.sha256(content.bytes(), content.from(), content.length());
    }
}
