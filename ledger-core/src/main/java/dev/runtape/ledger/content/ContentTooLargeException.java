package dev.runtape.ledger.content;

/** A streamed content ran past the size limit of its put. Nothing was stored. */
public final class ContentTooLargeException extends ContentStoreException {

    private final long maxBytes;

    public ContentTooLargeException(long maxBytes) {
        super("content too large: expected at most " + maxBytes + " bytes, the stream held more");
        this.maxBytes = maxBytes;
    }

    /** The limit the content exceeded. */
    public long maxBytes() {
        return maxBytes;
    }
}
