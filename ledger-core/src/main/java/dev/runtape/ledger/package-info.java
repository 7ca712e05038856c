/**
 * The ledger's domain: aggregates, commands and events, statement signing, key ring, Merkle log, content store, and the Axon event storage over the log (the ledger-core issue).
 */
@NullMarked
package dev.runtape.ledger;

import org.jspecify.annotations.NullMarked;
