package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.CorruptContentException;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes salted disclosures and keeps them in a {@link ContentStore}, handing back the {@link ContentRef} a payload
 * carries; and opens a reference back into its value. Safe for use by many threads at once.
 */
public final class Disclosures {

    private final ContentStore store;
    private final SecureRandom random;

    public Disclosures(ContentStore store, SecureRandom random) {
        this.store = store;
        this.random = random;
    }

    /** Discloses a text: the reference gives its UTF-8 size and no media type. */
    public ContentRef discloseText(String text) throws ContentStoreException {
        return store(Disclosure.withRandomSalt(CborTextString.of(text), random), null);
    }

    /** Discloses bytes of the given media type (e.g. "text/x-diff", "image/png"). */
    public ContentRef discloseBytes(byte[] bytes, String mediaType) throws ContentStoreException {
        if (mediaType.isEmpty()) {
            throw new IllegalArgumentException("disclosed bytes need a media type");
        }
        return store(Disclosure.withRandomSalt(new CborByteString(bytes), random), mediaType);
    }

    /** Discloses any CBOR value: the reference gives the size of its encoding. */
    public ContentRef disclose(CborValue value) throws ContentStoreException {
        return store(Disclosure.withRandomSalt(value, random), null);
    }

    /**
     * Opens a reference: the disclosure it names, or {@link OpenedDisclosure.Withheld} when the store no longer holds
     * it.
     *
     * @throws CorruptContentException if the stored bytes do not hash to the reference's digest
     * @throws ContentStoreException if the store fails
     * @throws FormatException if the content under the digest is not a disclosure, or its value's size is not the
     *     size the reference gives
     */
    public OpenedDisclosure open(ContentRef ref) throws ContentStoreException, FormatException {
        return opened(ref, store.get(ref.digest()).orElse(null));
    }

    /**
     * Opens every reference, as {@link #open} does each, reading the store once for all of them: what a reader of
     * many steps (a replay) asks for.
     *
     * @return the opened disclosures, in the order of {@code refs}
     */
    public List<OpenedDisclosure> openAll(List<ContentRef> refs) throws ContentStoreException, FormatException {
        List<Digest> digests = new ArrayList<>(refs.size());
        for (ContentRef ref : refs) {
            digests.add(ref.digest());
        }
        Map<Digest, byte[]> stored = store.getAll(digests);
        List<OpenedDisclosure> opened = new ArrayList<>(refs.size());
        for (ContentRef ref : refs) {
            opened.add(opened(ref, stored.get(ref.digest())));
        }
        return opened;
    }

    private static OpenedDisclosure opened(ContentRef ref, byte @Nullable [] stored) throws FormatException {
        if (stored == null) {
            return new OpenedDisclosure.Withheld(ref.digest());
        }
        Disclosure disclosure = Disclosure.decode(stored);
        Long size = ref.size();
        if (size != null && size != disclosure.valueSize()) {
            throw new FormatException("disclosure " + ref.digest().hex() + ": the reference gives size " + size
                    + ", the disclosed value has " + disclosure.valueSize() + " bytes");
        }
        return new OpenedDisclosure.Revealed(disclosure);
    }

    /**
     * A batch of disclosures made now and stored together by {@link Batch#store()}: one durable write for all of
     * them where the store can (a request's steps carry many contents). A reference handed out by the batch is valid
     * only once {@code store()} has returned.
     */
    public Batch batch() {
        return new Batch();
    }

    /** Disclosures made and held until they are stored together. Not for use by several threads. */
    public final class Batch {

        private final List<byte[]> pending = new ArrayList<>();

        private Batch() {
        }

        /** Discloses a text, as {@link Disclosures#discloseText} does, to be stored with the batch. */
        public ContentRef discloseText(String text) {
            return hold(Disclosure.withRandomSalt(CborTextString.of(text), random), null);
        }

        /** Stores every disclosure of the batch; after it returns they all survive a crash. */
        public void store() throws ContentStoreException {
            Disclosures.this.store.putAll(pending);
            pending.clear();
        }

        private ContentRef hold(Disclosure disclosure, @Nullable String mediaType) {
            byte[] encoded = disclosure.encode();
            pending.add(encoded);
            return new ContentRef(Digest.sha256(encoded), mediaType, disclosure.valueSize());
        }
    }

    private ContentRef store(Disclosure disclosure, @Nullable String mediaType) throws ContentStoreException {
        return new ContentRef(store.put(disclosure.encode()), mediaType, disclosure.valueSize());
    }
}
