/**
 * Verifiable Agent Conversation records (the IETF draft's {@code verifiable-agent-record}, JSON form): Runtape's
 * trajectories exported as records, and records read back as trajectories.
 */
@NullMarked
package dev.runtape.ledger.importer.vac;

import org.jspecify.annotations.NullMarked;
