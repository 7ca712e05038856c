package dev.runtape.ledger.content;

import dev.runtape.verifier.Digest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes kept under their SHA-256 digest.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Addressed by content.</b> A put returns SHA-256 of the bytes; the same bytes put twice are stored once.</li>
 *   <li><b>Whole or nothing.</b> Once a put returns, the content survives a crash; a put that fails (too large, an
 *       unreadable input) leaves nothing behind, and no reader ever sees part of a content.</li>
 *   <li><b>Checked on read.</b> Bytes read back are checked against their digest: a damaged content is reported
 *       ({@link CorruptContentException}), never served.</li>
 *   <li><b>Deletable.</b> A deleted content is gone: redaction and erasure rely on it. Statements naming its digest
 *       stay as they are.</li>
 * </ul>
 *
 * <p>Implementations are safe for use by many threads at once.
 */
public interface ContentStore {

    /**
     * Stores {@code content}.
     *
     * @return its SHA-256, the key to read it back by
     */
    Digest put(byte[] content) throws ContentStoreException;

    /**
     * Stores every content of {@code contents}; once it returns, all of them survive a crash. A store that can make
     * them durable together (one transaction) does; this default stores them one by one.
     *
     * @return their SHA-256 digests, in the same order
     * @throws ContentStoreException if one could not be stored; those stored before it stay (each whole)
     */
    default List<Digest> putAll(List<byte[]> contents) throws ContentStoreException {
        List<Digest> digests = new ArrayList<>(contents.size());
        for (byte[] content : contents) {
            digests.add(put(content));
        }
        return digests;
    }

    /**
     * Stores what {@code content} yields until its end, streamed: it is never held whole in memory. The stream is
     * read but not closed.
     *
     * @param maxBytes the most bytes accepted
     * @throws ContentTooLargeException if the stream yields more than {@code maxBytes}; nothing is stored
     * @throws ContentStoreException if the stream cannot be read or the store fails; nothing is stored
     */
    StoredContent put(InputStream content, long maxBytes) throws ContentStoreException;

    /**
     * The content with this digest, or empty when the store does not hold it (never stored, or deleted).
     *
     * @throws CorruptContentException if the stored bytes no longer hash to {@code digest}
     */
    Optional<byte[]> get(Digest digest) throws ContentStoreException;

    /**
     * The contents with these digests, as {@link #get} gives each: a reader of many contents (a projection replaying
     * the log) asks once. A store that can read them together (one transaction) does; this default reads them one by
     * one.
     *
     * @return the contents the store holds, by digest; a digest it does not hold is not a key
     * @throws CorruptContentException if a stored content no longer hashes to its digest
     */
    default Map<Digest, byte[]> getAll(Collection<Digest> digests) throws ContentStoreException {
        Map<Digest, byte[]> found = new HashMap<>();
        for (Digest digest : digests) {
            Optional<byte[]> content = get(digest);
            if (content.isPresent()) {
                found.put(digest, content.get());
            }
        }
        return found;
    }

    /**
     * The content with this digest as a stream, for contents too large to read whole, or empty when the store does not
     * hold it. The stream checks the digest as it reaches the end: reading a damaged content fails there with an
     * {@link java.io.IOException} whose cause is a {@link CorruptContentException}, so a reader must consume it to the
     * end before trusting what it read.
     */
    Optional<InputStream> open(Digest digest) throws ContentStoreException;

    /** Whether the store holds a content with this digest (without reading it). */
    boolean contains(Digest digest) throws ContentStoreException;

    /**
     * Deletes the content with this digest.
     *
     * @return whether there was one to delete
     */
    boolean delete(Digest digest) throws ContentStoreException;
}
