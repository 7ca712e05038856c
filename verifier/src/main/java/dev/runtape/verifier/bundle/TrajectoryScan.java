package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborException;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A trajectory of a manifest's list in the shape the exporter writes, read from its bytes and checked as it is read
 * ({@link CheckedCbor}): {@code {? "split": "train" / "eval", "statements": [+ digest], "trajectory-id": id}} in
 * deterministic CBOR, which is valid against bundle-trajectory. A manifest of a million statements lists tens of
 * thousands of them; decoding each into values and checking those against the rule cost more than reading the rest of
 * the manifest. Any other shape is left to decoding and the rule, which name what is wrong.
 */
record TrajectoryScan(String id, Optional<String> split, List<Digest> statements) {

    private static final byte[] SPLIT = ascii("split");
    private static final byte[] STATEMENTS = ascii("statements");
    private static final byte[] TRAJECTORY_ID = ascii("trajectory-id");
    /** {@code id = tstr .size (1..200)}: its length in bytes. */
    private static final int ID_BYTES = 200;

    /** The trajectory, or null when its bytes are not of that shape. */
    static @Nullable TrajectoryScan of(byte[] bytes) {
        try {
            return scan(new CheckedCbor(bytes, 0, bytes.length), bytes);
        } catch (CborException e) {
            return null;
        }
    }

    private static @Nullable TrajectoryScan scan(CheckedCbor cbor, byte[] bytes) throws CborException {
        if (cbor.peekMajor() != CheckedCbor.MAP) {
            return null;
        }
        long members = cbor.head().argument();
        if (members != 2 && members != 3) {
            return null;
        }
        // The keys in deterministic order: "split" (when there is one), "statements", "trajectory-id".
        Optional<String> split = Optional.empty();
        if (members == 3) {
            if (!key(cbor, SPLIT) || cbor.peekMajor() != CheckedCbor.TEXT) {
                return null;
            }
            String value = cbor.head().text();
            if (!value.equals("train") && !value.equals("eval")) {
                return null;
            }
            split = Optional.of(value);
        }
        if (!key(cbor, STATEMENTS) || cbor.peekMajor() != CheckedCbor.ARRAY) {
            return null;
        }
        long count = cbor.head().argument();
        if (count < 1) {
            return null;
        }
        List<Digest> statements = new ArrayList<>((int) count); // the head was checked against the bytes left
        for (long i = 0; i < count; i++) {
            if (cbor.peekMajor() != CheckedCbor.BYTES || cbor.head().argument() != Digest.LENGTH) {
                return null;
            }
            statements.add(Digest.copyOf(bytes, cbor.takeString()));
        }
        if (!key(cbor, TRAJECTORY_ID) || cbor.peekMajor() != CheckedCbor.TEXT) {
            return null;
        }
        long length = cbor.head().argument();
        if (length < 1 || length > ID_BYTES) {
            return null;
        }
        String id = cbor.text();
        return cbor.atEnd() ? new TrajectoryScan(id, split, statements) : null;
    }

    /** Whether the next item is the text {@code name}, moving past it. */
    private static boolean key(CheckedCbor cbor, byte[] name) throws CborException {
        return cbor.peekMajor() == CheckedCbor.TEXT && cbor.head().argument() == name.length && cbor.textEquals(name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
