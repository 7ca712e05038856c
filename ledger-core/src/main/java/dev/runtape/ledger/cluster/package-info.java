/**
 * What the nodes of one ledger share besides the log and the tree (decision 0022): small versioned documents
 * ({@link dev.runtape.ledger.cluster.SharedDocuments}) that hold the ledger's key set, its sealed signing keys, the
 * producers' key registrations and the API keys, so a key issued, registered, rotated or revoked on one node counts on
 * every node within a refresh; and the key that seals the signing keys ({@link dev.runtape.ledger.cluster.KeySeal}).
 */
@NullMarked
package dev.runtape.ledger.cluster;

import org.jspecify.annotations.NullMarked;
