package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.ValidationResult;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The key set a bundle carries (runtape-key-set, keys.cddl): the ledger's and the producers' keys with validity. */
public record BundleKeys(List<TimedKey> keys) {

    /** keys.cddl's private-use labels. */
    public static final long VALID_FROM = -70101;
    public static final long REVOKED_AT = -70102;
    public static final long PRINCIPAL = -70103;

    public BundleKeys {
        keys = List.copyOf(keys);
    }

    /**
     * Decodes a runtape-key-set.
     *
     * @throws FormatException if it is not valid against the rule, or a key's kid is not its thumbprint
     */
    public static BundleKeys decode(byte[] bytes) throws FormatException {
        CborValue value = CborInput.decode(bytes, CborProfile.DETERMINISTIC, "key-sets");
        ValidationResult result = RuntapeSchemas.validator(RuntapeSchemas.KEY_SET).validate(value);
        if (!result.isValid()) {
            throw new FormatException("key-sets: not a valid runtape-key-set: "
                    + String.join("; ", result.failures().stream().map(Failure::toString).toList()));
        }
        List<TimedKey> keys = new ArrayList<>();
        CborArray array = (CborArray) value;
        for (int i = 0; i < array.size(); i++) {
            CborMap map = (CborMap) array.get(i);
            VerificationKey key;
            try {
                key = CoseKeyCodec.decode(map);
            } catch (FormatException e) {
                throw e.within("key-sets[" + i + "]");
            }
            if (!MessageDigest.isEqual(key.kid(), key.thumbprint().bytes())) {
                throw new FormatException("key-sets[" + i + "]: kid " + java.util.HexFormat.of().formatHex(key.kid())
                        + " is not the key's RFC 9679 thumbprint " + key.thumbprint().hex());
            }
            keys.add(new TimedKey(key, time(map, VALID_FROM), time(map, REVOKED_AT),
                    map.get(PRINCIPAL).map(v -> ((CborTextString) v).value())));
        }
        return new BundleKeys(keys);
    }

    /** Encodes the keys as a runtape-key-set. */
    public byte[] encode() {
        List<CborValue> items = new ArrayList<>();
        for (TimedKey timed : keys) {
            CborMap.Builder map = CborMap.builder();
            CoseKeyCodec.encode(timed.key()).entries().forEach(map::put);
            timed.validFrom().ifPresent(t -> map.put(VALID_FROM, CborInteger.of(t.toEpochMilli())));
            timed.revokedAt().ifPresent(t -> map.put(REVOKED_AT, CborInteger.of(t.toEpochMilli())));
            timed.principal().ifPresent(p -> map.put(PRINCIPAL, CborTextString.of(p)));
            items.add(map.build());
        }
        return new CborArray(items).encode();
    }

    /** The key with this kid. */
    public Optional<TimedKey> find(byte[] kid) {
        return keys.stream().filter(k -> MessageDigest.isEqual(k.key().kid(), kid)).findFirst();
    }

    /** The ledger's keys (those without a principal), for checkpoints and receipts. */
    public KeySet ledgerKeys() {
        return new KeySet(keys.stream().filter(TimedKey::isLedgerKey).map(TimedKey::key).toList());
    }

    private static Optional<Instant> time(CborMap map, long label) throws FormatException {
        Optional<CborValue> value = map.get(label);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        CborInteger millis = (CborInteger) value.get();
        if (!millis.fitsLong()) {
            throw new FormatException("key-sets: time " + millis + " (label " + label + ") is out of range");
        }
        return Optional.of(Instant.ofEpochMilli(millis.longValueExact()));
    }

}
