package dev.runtape.cbor;

/**
 * One CBOR data item. Values are immutable and compare by content, so they can be map keys; byte strings compare
 * their bytes and floats compare with {@link Double#compare} (NaN equals NaN, 0.0 differs from -0.0). Hash codes
 * are keyed with a secret drawn once per JVM ({@link KeyedHash}), so input cannot choose keys that collide; they are
 * not stable from one JVM to the next.
 */
public sealed interface CborValue
        permits CborInteger, CborByteString, CborTextString, CborArray, CborMap, CborTag, CborFloat, CborSimple {

    /** This value in the deterministic encoding (RFC 8949 §4.2.1). */
    default byte[] encode() {
        return CborEncoder.encode(this);
    }
}
