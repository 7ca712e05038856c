package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    /** The references in the item at {@code from}, checked deterministic CBOR, as {@link #of} finds them decoded. */
    static List<Digest> of(byte[] bytes, int from) {
        List<Digest> into = new ArrayList<>();
        collect(new CheckedCbor(bytes, from), bytes, into);
        return into;
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

    private static void collect(CheckedCbor cbor, byte[] bytes, List<Digest> into) {
        switch (cbor.peekMajor()) {
            case CheckedCbor.MAP -> {
                long entries = cbor.head().argument();
                int mapStart = into.size(); // the map's own digest goes before those of its members
                for (long i = 0; i < entries; i++) {
                    boolean digestKey = false;
                    if (cbor.peekMajor() == CheckedCbor.TEXT) {
                        digestKey = cbor.head().textEquals(DIGEST);
                    } else {
                        cbor.skip();
                    }
                    if (digestKey && cbor.peekMajor() == CheckedCbor.BYTES) {
                        cbor.head();
                        int start = cbor.takeString();
                        if (cbor.position() - start == Digest.LENGTH) {
                            into.add(mapStart, Digest.copyOf(bytes, start));
                        }
                    } else {
                        collect(cbor, bytes, into);
                    }
                }
            }
            case CheckedCbor.ARRAY -> {
                long items = cbor.head().argument();
                for (long i = 0; i < items; i++) {
                    collect(cbor, bytes, into);
                }
            }
            case CheckedCbor.TAG -> {
                cbor.head();
                collect(cbor, bytes, into);
            }
            default -> cbor.skip();
        }
    }
}
