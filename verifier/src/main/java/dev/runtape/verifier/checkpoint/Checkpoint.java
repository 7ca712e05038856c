package dev.runtape.verifier.checkpoint;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A tree head of the log named {@code origin}: its size and root at a time. The payload of a signed checkpoint is
 * the deterministic CBOR map {@code {1: origin, 2: tree-size, 3: root-hash, 4: timestamp}} with the timestamp in
 * milliseconds since the epoch (UTC).
 */
public record Checkpoint(String origin, long treeSize, Digest root, Instant timestamp) {

    /** The content type of a checkpoint payload, carried in the protected header. */
    public static final String CONTENT_TYPE = "application/runtape-checkpoint+cbor";

    static final long ORIGIN = 1;
    static final long TREE_SIZE = 2;
    static final long ROOT_HASH = 3;
    static final long TIMESTAMP = 4;
    private static final Set<CborValue> KEYS = Set.of(CborInteger.of(ORIGIN), CborInteger.of(TREE_SIZE),
            CborInteger.of(ROOT_HASH), CborInteger.of(TIMESTAMP));

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timestamp, "timestamp");
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint names its log: origin must not be empty");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        if (timestamp.toEpochMilli() < 0) {
            throw new IllegalArgumentException("timestamp before 1970: " + timestamp);
        }
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli()); // the precision the payload keeps
    }

    /** The payload map. */
    public CborMap toCbor() {
        return CborMap.builder()
                .put(ORIGIN, CborTextString.of(origin))
                .put(TREE_SIZE, CborInteger.of(treeSize))
                .put(ROOT_HASH, new CborByteString(root.bytes()))
                .put(TIMESTAMP, CborInteger.of(timestamp.toEpochMilli()))
                .build();
    }

    /** The payload bytes (deterministic CBOR). */
    public byte[] encode() {
        return toCbor().encode();
    }

    /**
     * The checkpoint in a payload.
     *
     * @throws FormatException if the payload is not the deterministic encoding of exactly the four fields
     */
    public static Checkpoint decode(byte[] payload) throws FormatException {
        CborValue value = CborInput.decode(payload, CborProfile.DETERMINISTIC, "checkpoint");
        if (!(value instanceof CborMap map)) {
            throw new FormatException("checkpoint: expected a map, found " + value);
        }
        for (CborValue key : map.entries().keySet()) {
            if (!KEYS.contains(key)) {
                throw new FormatException("checkpoint: unknown field " + key);
            }
        }
        String origin = field(map, ORIGIN, "origin", CborTextString.class).value();
        long treeSize = unsigned(field(map, TREE_SIZE, "tree-size", CborInteger.class), "tree-size");
        byte[] rootBytes = field(map, ROOT_HASH, "root-hash", CborByteString.class).bytes();
        Digest root;
        try {
            root = Digest.of(rootBytes);
        } catch (FormatException e) {
            throw e.within("checkpoint: root-hash");
        }
        long millis = unsigned(field(map, TIMESTAMP, "timestamp", CborInteger.class), "timestamp");
        if (origin.isEmpty()) {
            throw new FormatException("checkpoint: origin is empty");
        }
        return new Checkpoint(origin, treeSize, root, Instant.ofEpochMilli(millis));
    }

    private static <T extends CborValue> T field(CborMap map, long key, String name, Class<T> type)
            throws FormatException {
        CborValue value = map.get(key).orElseThrow(() ->
                new FormatException("checkpoint: missing " + name + " (" + key + ")"));
        if (!type.isInstance(value)) {
            throw new FormatException("checkpoint: " + name + " (" + key + ") has the wrong type: " + value);
        }
        return type.cast(value);
    }

    private static long unsigned(CborInteger value, String name) throws FormatException {
        if (value.value().signum() < 0 || !value.fitsLong()) {
            throw new FormatException("checkpoint: " + name + " must be an unsigned integer below 2^63, found "
                    + value);
        }
        return value.longValueExact();
    }
}
