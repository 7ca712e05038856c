package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.StatementBytes;

/** Turns drafts into statements: checks the payload against its schema and signs it with the ledger's key. */
public interface StatementMint {

    /**
     * The signed statement of a draft.
     *
     * @throws StatementRefusedException when the payload does not match its event type's schema
     */
    StatementBytes mint(StatementDraft draft);

    /**
     * Checks a statement its producer signed (signature, key, principal, schema) and that it says what the draft says
     * (stream, revision, prev, event type and id, tenant, principal and payload), and returns it.
     *
     * @throws StatementRefusedException naming what is wrong
     */
    StatementBytes accept(StatementDraft draft, StatementBytes signed);
}
