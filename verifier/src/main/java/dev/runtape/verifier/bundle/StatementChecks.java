package dev.runtape.verifier.bundle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a statement that need no other statement, run by the workers on a batch of consecutive statements:
 * reading it (its digest and leaf hash included), its receipt, the contents its payload refers to, and unless
 * {@code --fast} its schema and signature. What the checks in bundle order still need is handed back as a
 * {@link Checked}. Thread-safe: a batch keeps its own state.
 */
final class StatementChecks {

    /** A statement entry as the reading thread framed it. */
    record Framed(long ordinal, long number, byte[] bytes) {
    }

    /**
     * A statement the workers read, for the checks in bundle order.
     *
     * @param leaf its leaf index as its receipt proved it, or -1 when no receipt did (that failure already reported)
     * @param references the digests of the contents its payload refers to
     */
    record Checked(String item, StatementFacts statement, long leaf, List<Digest> references) {
    }

    private final Findings findings;
    private final Optional<ReceiptCheck> receipts;
    private final Optional<SignatureCheck> signatures;

    /**
     * @param signatures empty under {@code --fast} (schema and signature skipped) or without a readable key set
     */
    StatementChecks(Findings findings, Optional<ReceiptCheck> receipts, Optional<SignatureCheck> signatures) {
        this.findings = findings;
        this.receipts = receipts;
        this.signatures = signatures;
    }

    /** Checks a batch; returns, in its order, the statements that could be read. */
    List<Checked> check(List<Framed> batch) {
        List<Checked> checked = new ArrayList<>(batch.size());
        // Consecutive statements have neighbouring leaves: their proofs share most of their inner nodes.
        Optional<ReceiptCheck.Batch> proofs = receipts.map(ReceiptCheck::batch);
        for (Framed framed : batch) {
            StatementFacts statement;
            try {
                statement = StatementFacts.read(framed.bytes());
            } catch (FormatException e) {
                findings.failed(Check.SCHEMA, "entry " + framed.ordinal() + " (statement " + framed.number() + ")",
                        e.getMessage());
                continue;
            } catch (RuntimeException e) {
                findings.failed(Check.FORMAT, "entry " + framed.ordinal() + " (statement " + framed.number() + ")",
                        "internal error: " + e);
                continue;
            }
            String item = "statement " + framed.number() + " (" + statement.position() + ", " + statement.digest() + ")";
            long leaf = proofs.isPresent() ? leafIndex(proofs.get(), item, statement) : -1;
            signatures.ifPresent(check -> schemaAndSignature(check, item, statement));
            checked.add(new Checked(item, statement, leaf, ManifestListing.references(statement.payload())));
        }
        return checked;
    }

    private long leafIndex(ReceiptCheck.Batch proofs, String item, StatementFacts statement) {
        try {
            long leaf = proofs.leafIndex(statement);
            findings.passed(Check.RECEIPT);
            return leaf;
        } catch (VerificationException e) {
            findings.failed(Check.RECEIPT, item, e.getMessage());
        } catch (RuntimeException e) {
            findings.failed(Check.RECEIPT, item, "internal error: " + e);
        }
        return -1;
    }

    private void schemaAndSignature(SignatureCheck check, String item, StatementFacts statement) {
        try {
            SignatureCheck.schemaProblem(statement).ifPresentOrElse(
                    reason -> findings.failed(Check.SCHEMA, item, reason),
                    () -> findings.passed(Check.SCHEMA));
            check.verify(statement);
            findings.passed(Check.SIGNATURE);
        } catch (VerificationException e) {
            findings.failed(Check.SIGNATURE, item, e.getMessage());
        } catch (RuntimeException e) {
            findings.failed(Check.SIGNATURE, item, "internal error: " + e);
        }
    }
}
