/**
 * Statements: the signed envelope of every event. Building the protected header ({@link
 * dev.runtape.ledger.statement.StatementHeader}), encoding event records as payloads ({@link
 * dev.runtape.ledger.statement.PayloadCodec}), signing on a principal's behalf ({@link
 * dev.runtape.ledger.statement.StatementSigner}), checking what producers signed themselves ({@link
 * dev.runtape.ledger.statement.StatementChecker}), and the salted disclosures a payload names instead of carrying
 * contents ({@link dev.runtape.ledger.statement.Disclosures}). Decision 0009 records the choices.
 */
@NullMarked
package dev.runtape.ledger.statement;

import org.jspecify.annotations.NullMarked;
