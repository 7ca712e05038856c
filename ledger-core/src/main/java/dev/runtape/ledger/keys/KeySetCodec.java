package dev.runtape.ledger.keys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Key sets in keys.cddl's format: a COSE_KeySet whose keys carry valid-from, revoked-at and principal, and the same
 * keys as a JWK Set for clients that read JSON. The COSE_Key part is the verifier's ({@link CoseKeyCodec},
 * {@link JwkCodec}); this adds the validity.
 */
public final class KeySetCodec {

    private KeySetCodec() {
    }

    /** The COSE_KeySet of {@code records}, in deterministic CBOR. */
    public static byte[] encode(List<KeyRecord> records) {
        return toCbor(records).encode();
    }

    /**
     * The COSE_KeySet of {@code records}.
     *
     * @throws IllegalArgumentException if there are none: a key set holds at least one key
     */
    public static CborArray toCbor(List<KeyRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a key set holds at least one key");
        }
        List<CborValue> keys = new ArrayList<>(records.size());
        for (KeyRecord record : records) {
            keys.add(toCoseKey(record));
        }
        return new CborArray(keys);
    }

    /**
     * The records of an encoded key set, checked against the rule {@code runtape-key-set} first.
     *
     * @throws FormatException if the bytes are not such a key set, naming where
     */
    public static List<KeyRecord> decode(byte[] bytes) throws FormatException {
        CborValue value = CborInput.decode(bytes, CborProfile.WELL_FORMED, "key set");
        ValidationResult result = RuntapeSchemas.validator(RuntapeSchemas.KEY_SET).validate(value);
        if (!result.isValid()) {
            throw new FormatException("key set: " + result.failures().stream().map(Failure::toString)
                    .collect(Collectors.joining("; ")));
        }
        CborArray array = (CborArray) value;
        List<KeyRecord> records = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                records.add(fromCoseKey((CborMap) array.get(i)));
            } catch (FormatException e) {
                throw e.within("key set[" + i + "]");
            }
        }
        return records;
    }

    /**
     * The same keys as a JWK Set (RFC 7517), each JWK carrying {@value KeySetLabels#JWK_VALID_FROM}, and
     * {@value KeySetLabels#JWK_REVOKED_AT} and {@value KeySetLabels#JWK_PRINCIPAL} where set, in milliseconds and
     * text: members a JWK reader that does not know them ignores (RFC 7517 §4).
     */
    public static ObjectNode toJwkSet(List<KeyRecord> records) {
        ObjectNode set = JwkCodec.encodeSet(new KeySet(records.stream().map(KeyRecord::key).toList()));
        ArrayNode keys = (ArrayNode) set.get("keys");
        for (int i = 0; i < records.size(); i++) {
            KeyRecord record = records.get(i);
            ObjectNode jwk = (ObjectNode) keys.get(i);
            jwk.put(KeySetLabels.JWK_VALID_FROM, record.validFrom().toEpochMilli());
            record.revokedAt().ifPresent(at -> jwk.put(KeySetLabels.JWK_REVOKED_AT, at.toEpochMilli()));
            record.principal().ifPresent(p -> jwk.put(KeySetLabels.JWK_PRINCIPAL, p));
        }
        return set;
    }

    private static CborMap toCoseKey(KeyRecord record) {
        CborMap.Builder key = CborMap.builder();
        CoseKeyCodec.encode(record.key()).entries().forEach(key::put);
        key.put(KeySetLabels.VALID_FROM, CborInteger.of(record.validFrom().toEpochMilli()));
        record.revokedAt().ifPresent(at -> key.put(KeySetLabels.REVOKED_AT, CborInteger.of(at.toEpochMilli())));
        record.principal().ifPresent(p -> key.put(KeySetLabels.PRINCIPAL, CborTextString.of(p)));
        return key.build();
    }

    /** A key the schema accepted: the COSE_Key part is read by the verifier's codec. */
    private static KeyRecord fromCoseKey(CborMap map) throws FormatException {
        VerificationKey key = CoseKeyCodec.decode(map);
        if (!key.thumbprint().equals(Digest.of(key.kid()))) {
            throw new FormatException("kid " + HexFormat.of().formatHex(key.kid())
                    + " is not the key's RFC 9679 thumbprint " + key.thumbprint().hex());
        }
        Instant validFrom = millis(map, KeySetLabels.VALID_FROM).orElse(Instant.EPOCH);
        Optional<Instant> revokedAt = millis(map, KeySetLabels.REVOKED_AT);
        Optional<String> principal = map.get(KeySetLabels.PRINCIPAL).map(v -> ((CborTextString) v).value());
        return new KeyRecord(key, validFrom, revokedAt, principal);
    }

    private static Optional<Instant> millis(CborMap map, long label) throws FormatException {
        Optional<CborValue> value = map.get(label);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        CborInteger integer = (CborInteger) value.get();
        if (!integer.fitsLong()) {
            throw new FormatException("time (label " + label + ") out of range: " + integer);
        }
        try {
            return Optional.of(Instant.ofEpochMilli(integer.longValueExact()));
        } catch (DateTimeException e) {
            throw new FormatException("time (label " + label + ") out of range: " + integer, e);
        }
    }
}
