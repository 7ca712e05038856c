package dev.runtape.ledger.content;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.util.function.BiConsumer;

/**
 * The contents a payload refers to: every map with a 32-byte {@code "digest"} member (common.cddl's content-ref and
 * artifact-ref). An artifact-ref also has a {@code "media-type"}; a content-ref is a disclosure.
 */
public final class ContentReferences {

    private ContentReferences() {
    }

    /** Calls {@code found} with each digest and whether it is an artifact's, depth first. */
    public static void walk(CborValue value, BiConsumer<Digest, Boolean> found) {
        if (value instanceof CborMap map) {
            map.get("digest").ifPresent(digest -> {
                if (digest instanceof CborByteString bytes && bytes.length() == 32) {
                    try {
                        found.accept(Digest.of(bytes.bytes()), map.get("media-type").isPresent());
                    } catch (FormatException impossible) {
                        throw new IllegalStateException("32 bytes are a digest", impossible);
                    }
                }
            });
            map.entries().values().forEach(member -> walk(member, found));
        } else if (value instanceof CborArray array) {
            array.items().forEach(item -> walk(item, found));
        }
    }
}
