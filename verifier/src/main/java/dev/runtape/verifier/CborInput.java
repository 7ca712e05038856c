package dev.runtape.verifier;

import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;

/** Outside bytes read as CBOR by the verifier's decoders, failing in their own terms ({@link FormatException}). */
public final class CborInput {

    private CborInput() {
    }

    /**
     * The single data item in {@code bytes}, read under {@code profile}.
     *
     * @param what the structure the bytes should hold, which the failure names ({@code "COSE_Sign1"})
     * @throws FormatException {@code what: at byte N: ...} if they do not decode
     */
    public static CborValue decode(byte[] bytes, CborProfile profile, String what) throws FormatException {
        try {
            return CborDecoder.decode(bytes, profile);
        } catch (CborException e) {
            throw FormatException.of(what, e);
        }
    }
}
