package dev.runtape.api.transparency;

import dev.runtape.verifier.Digest;
import java.util.List;

/**
 * An RFC 9162 consistency proof between the checkpoints of {@code from} and {@code to} leaves. In CBOR it is
 * receipt.cddl's {@code consistency-proof}, {@code [from, to, [* hash]]}, as a consistency receipt would carry it.
 */
public record ConsistencyView(long from, long to, List<Digest> hashes) {
}
