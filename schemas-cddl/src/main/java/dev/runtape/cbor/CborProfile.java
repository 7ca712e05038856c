package dev.runtape.cbor;

/** How strictly the decoder reads, and which numeric rules the encoder applies. */
public enum CborProfile {

    /**
     * Any well-formed CBOR: indefinite lengths, non-preferred heads and unsorted maps are read. Duplicate map keys,
     * invalid UTF-8 and trailing bytes are still rejected. For reading what others produced.
     */
    WELL_FORMED,

    /**
     * RFC 8949 §4.2.1 core deterministic encoding: preferred serialization of every head and float, definite
     * lengths only, map keys in the bytewise order of their encodings. NaN has the one encoding {@code f97e00}.
     * Every format Runtape signs is in this profile.
     */
    DETERMINISTIC,

    /**
     * {@link #DETERMINISTIC} plus the numeric rules of dCBOR (draft-mcnally-deterministic-cbor): an integral float
     * within the 64-bit integer range is an integer, -0.0 is 0, and negative integers stop at -2^63.
     */
    DCBOR;

    boolean strict() {
        return this != WELL_FORMED;
    }
}
