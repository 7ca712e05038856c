package dev.runtape.ledger.cluster;

import java.util.Optional;

/**
 * Small documents every node of a ledger reads and any node may replace, each under a name. A replacement names the
 * version it was computed from and is refused when another node replaced the document first, so read, change and
 * replace again is how a node updates one without losing another node's change. Safe for use by many threads.
 */
public interface SharedDocuments {

    /**
     * The document with this name, or empty when none was ever written.
     *
     * @throws SharedStateException if the store cannot be read
     */
    Optional<SharedDocument> read(String name);

    /**
     * Replaces the document, or writes it first when {@code expectedVersion} is 0, if its version is still
     * {@code expectedVersion}.
     *
     * @return whether it was replaced; false when another node changed it (or wrote it first) since that version
     * @throws SharedStateException if the store cannot be written
     */
    boolean replace(String name, long expectedVersion, byte[] bytes);
}
