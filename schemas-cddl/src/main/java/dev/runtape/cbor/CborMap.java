package dev.runtape.cbor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A major type 5 map. Entries keep the order they were given or decoded in; the encoder writes them in the
 * deterministic order whatever that order is.
 */
public record CborMap(Map<CborValue, CborValue> entries) implements CborValue {

    public static final CborMap EMPTY = new CborMap(Map.of());

    public CborMap {
        entries = immutableCopy(entries);
    }

    /** Small maps scan their few keys (no hashing at all); larger ones are hash maps of keyed hash codes. */
    static Map<CborValue, CborValue> immutableCopy(Map<CborValue, CborValue> entries) {
        if (entries instanceof OrderedEntries ordered) {
            return ordered;
        }
        return entries.size() <= SmallMap.LIMIT ? SmallMap.copyOf(entries) : LargeMap.copyOf(entries);
    }

    /** A builder that keeps insertion order and refuses a key given twice. */
    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return entries.size();
    }

    public Optional<CborValue> get(CborValue key) {
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * The position of {@code key} among the entries, in their order, or -1: lets a reader of a small map keep
     * track of entries by position.
     */
    public int indexOf(CborValue key) {
        return ordered().indexOf(key);
    }

    /**
     * The key of the entry at {@code position} (0 to {@code size() - 1}), in the order entries were given or decoded
     * in: with {@link #valueAt}, a walk over the entries that makes no iterator or entry objects.
     *
     * @throws IndexOutOfBoundsException if there is no such entry
     */
    public CborValue keyAt(int position) {
        return ordered().keyAt(position);
    }

    /**
     * The value of the entry at {@code position}.
     *
     * @throws IndexOutOfBoundsException if there is no such entry
     */
    public CborValue valueAt(int position) {
        return ordered().valueAt(position);
    }

    private OrderedEntries ordered() {
        return (OrderedEntries) entries; // the compact constructor made it one
    }

    /** The value under an integer label, as COSE header maps and COSE_Key use them. */
    public Optional<CborValue> get(long label) {
        return get(CborInteger.of(label));
    }

    /** The value under a text key. */
    public Optional<CborValue> get(String key) {
        return get(CborTextString.of(key));
    }

    /**
     * Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide: a sum over the entries, as the
     * order of entries does not matter to equality, of a keyed hash of each entry's key and value together.
     */
    @Override
    public int hashCode() {
        long sum = 0;
        for (Map.Entry<CborValue, CborValue> entry : entries.entrySet()) {
            sum += KeyedHash.start(5).add(entry.getKey().hashCode()).add(entry.getValue().hashCode()).finishLong();
        }
        return KeyedHash.start(0x25).add(sum).finish();
    }

    @Override
    public String toString() {
        return entries.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Collects entries for a {@link CborMap}. */
    public static final class Builder {
        private final LinkedHashMap<CborValue, CborValue> entries = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(CborValue key, CborValue value) {
            if (entries.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("map key given twice: " + key);
            }
            return this;
        }

        public Builder put(long label, CborValue value) {
            return put(CborInteger.of(label), value);
        }

        public Builder put(String key, CborValue value) {
            return put(CborTextString.of(key), value);
        }

        public CborMap build() {
            return new CborMap(entries);
        }
    }
}
