package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The digests of the content-refs and artifact-refs in a statement's payload: every map with a 32-byte
 * {@code "digest"} member (the schemas give only those maps a member of that name), a map's own before those of its
 * members, members in their order. Found in a decoded payload, or in its checked bytes without decoding them: both
 * give the same list.
 */
final class PayloadReferences {

    private static final byte[] DIGEST = "digest".getBytes(StandardCharsets.US_ASCII);

    private PayloadReferences() {
    }

    /** The references in a decoded payload. */
    static List<Digest> of(CborValue payload) {
        List<Digest> into = new ArrayList<>();
        collect(payload, into);
        return into;
    }

    /**
     * The references in the map that fills {@code bytes[from]} to {@code bytes[to - 1]}, as {@link #of} finds them
     * decoded, checking it as deterministic CBOR on the way; null when it is not a map.
     *
     * @throws CborException if it breaks a rule of deterministic CBOR
     */
    static @Nullable List<Digest> ofMap(byte[] bytes, int from, int to) throws CborException {
        CheckedCbor cbor = new CheckedCbor(bytes, from, to);
        if (cbor.peekMajor() != CheckedCbor.MAP) {
            return null;
        }
        List<Digest> into = new ArrayList<>();
        collect(cbor, bytes, into, 0);
        return cbor.atEnd() ? into : null;
    }

    private static void collect(CborValue value, List<Digest> into) {
        switch (value) {
            case CborMap map -> {
                if (map.get("digest").orElse(null) instanceof CborByteString digest && digest.length() == Digest.LENGTH) {
                    into.add(Digest.copyOf(digest.bytes(), 0));
                }
                map.entries().values().forEach(v -> collect(v, into));
            }
            case CborArray array -> array.items().forEach(v -> collect(v, into));
            case CborTag tag -> collect(tag.content(), into);
            default -> {
            }
        }
    }

    private static void collect(CheckedCbor cbor, byte[] bytes, List<Digest> into, int depth) throws CborException {
        cbor.checkDepth(depth);
        switch (cbor.peekMajor()) {
            case CheckedCbor.MAP -> {
                long entries = cbor.head().argument();
                if (entries > 0) {
                    cbor.checkDepth(depth + 1); // its keys and a "digest" are read here
                }
                int mapStart = into.size(); // the map's own digest goes before those of its members
                CheckedCbor.KeyOrder keys = new CheckedCbor.KeyOrder();
                for (long i = 0; i < entries; i++) {
                    int key = cbor.position();
                    boolean digestKey = false;
                    if (cbor.peekMajor() == CheckedCbor.TEXT) {
                        digestKey = cbor.head().textEquals(DIGEST);
                    } else {
                        cbor.skip(depth + 1);
                    }
                    keys.next(cbor, key);
                    if (digestKey && cbor.peekMajor() == CheckedCbor.BYTES) {
                        cbor.head();
                        int start = cbor.takeString();
                        if (cbor.position() - start == Digest.LENGTH) {
                            into.add(mapStart, Digest.copyOf(bytes, start));
                        }
                    } else {
                        collect(cbor, bytes, into, depth + 1);
                    }
                }
            }
            case CheckedCbor.ARRAY -> {
                long items = cbor.head().argument();
                for (long i = 0; i < items; i++) {
                    collect(cbor, bytes, into, depth + 1);
                }
            }
            case CheckedCbor.TAG -> {
                cbor.head();
                collect(cbor, bytes, into, depth + 1);
            }
            default -> cbor.skip(depth);
        }
    }
}
