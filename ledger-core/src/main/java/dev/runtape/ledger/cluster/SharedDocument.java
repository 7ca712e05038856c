package dev.runtape.ledger.cluster;

/**
 * One shared document as read: its bytes and its version, which every replacement raises by one.
 *
 * @param version at least 1; a document never written has none
 */
public record SharedDocument(long version, byte[] bytes) {

    public SharedDocument {
        if (version < 1) {
            throw new IllegalArgumentException("a stored document's version is at least 1: " + version);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
