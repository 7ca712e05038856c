package dev.runtape.projections.audit;

import dev.runtape.ledger.integrator.IssuedReceipt;
import dev.runtape.ledger.integrator.NotIntegratedException;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementHeader;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a stream's statements again, as a client would: the signature with a ledger or producer key valid at the
 * statement's {@code iat} (a producer key only for its own principal), {@code prev} against the digest of the
 * statement before, and inclusion in the checkpoint {@code checkpointSize} through a receipt verified against the leaf
 * hash computed here from the statement's bytes.
 */
final class StatementVerifier {

    private final LedgerKeyRing ledgerKeys;
    private final ProducerKeyRegistry producers;
    private final ProofService proofs;
    private final @Nullable Long checkpointSize;

    StatementVerifier(LedgerKeyRing ledgerKeys, ProducerKeyRegistry producers, ProofService proofs) {
        this.ledgerKeys = ledgerKeys;
        this.producers = producers;
        this.proofs = proofs;
        this.checkpointSize = proofs.latestCheckpoint().map(c -> c.treeSize()).orElse(null);
    }

    @Nullable Long checkpointSize() {
        return checkpointSize;
    }

    /** The statements of one stream, in revision order from 0. */
    List<Verification> verify(List<LogEntry> stream) {
        List<Verification> checked = new ArrayList<>();
        Digest previous = Digest.ZERO;
        for (LogEntry entry : stream) {
            checked.add(verify(entry, previous));
            previous = entry.statement().digest();
        }
        return checked;
    }

    private Verification verify(LogEntry entry, Digest previous) {
        String principal = "";
        String issuedAt = "";
        List<String> problems = new ArrayList<>();
        boolean signature = false;
        boolean chain = false;
        Long included = null;
        try {
            Statement statement = Statement.read(entry.statement());
            StatementHeader header = statement.header();
            principal = header.iss();
            issuedAt = header.iat().toString();
            CoseSign1 message = CoseSign1.decode(entry.statement().bytes());
            Optional<KeyRecord> key = ledgerKeys.findValidAt(header.kid(), header.iat()).or(() -> producers
                    .find(header.kid()).filter(k -> k.validAt(header.iat()))
                    .filter(k -> k.principal().map(header.iss()::equals).orElse(false)));
            if (key.isEmpty()) {
                problems.add("signature: no ledger key, and no producer key of " + header.iss() + ", with kid "
                        + header.kid().hex() + " valid at " + header.iat());
            } else {
                try {
                    Sign1Verifier.verify(message, key.get().key());
                    signature = true;
                } catch (VerificationException e) {
                    problems.add("signature: " + e.getMessage()); // the chain and inclusion are still checked
                }
            }
            chain = header.prev().equals(previous) && header.streamRevision() == entry.revision();
            if (!chain) {
                problems.add("chain: prev " + header.prev().hex() + " at revision " + header.streamRevision()
                        + ", expected " + previous.hex() + " at revision " + entry.revision());
            }
            included = inclusion(entry, problems);
        } catch (FormatException e) {
            problems.add("statement: " + e.getMessage());
        }
        return new Verification(entry.position(), entry.stream().value(), entry.revision(), entry.eventType(),
                entry.eventId(), principal, issuedAt, signature, chain, included,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The checkpoint size the statement is proved under; null (no problem) when it is not under one yet. */
    private @Nullable Long inclusion(LogEntry entry, List<String> problems) throws FormatException {
        if (checkpointSize == null || entry.position() > checkpointSize) {
            return null;
        }
        IssuedReceipt issued;
        try {
            issued = proofs.receiptForPosition(entry.position());
        } catch (NotIntegratedException e) {
            problems.add("inclusion: " + e.getMessage());
            return null;
        }
        Digest leaf = Rfc9162Hasher.hashLeaf(entry.statement().bytes());
        Receipt receipt = issued.receipt();
        for (KeyRecord key : ledgerKeys.records()) {
            try {
                ReceiptVerifier.verifyInclusion(receipt, leaf, key.key());
                return issued.checkpoint().treeSize();
            } catch (VerificationException notThisKey) {
                // the next ledger key may have signed the checkpoint
            }
        }
        problems.add("inclusion: the receipt for position " + entry.position() + " does not verify against the leaf "
                + "hash of the statement with any ledger key");
        return null;
    }
}
