package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.ValidationResult;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the manifest at the head of a bundle a member at a time, and each trajectory, disclosure and artifact of its
 * lists one at a time, into a {@link Manifest}: a million-statement manifest is never decoded whole. Every piece is
 * checked against its rule in bundle.cddl; the members other than the three lists are checked together against
 * {@code bundle-manifest} with the lists left empty.
 */
final class ManifestReader {

    private static final List<String> LISTS = List.of("trajectories", "disclosures", "artifacts");

    private final CborSequenceReader in;
    private final long limit;

    ManifestReader(CborSequenceReader in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /**
     * @throws FormatException if the manifest is not a deterministic CBOR map valid against bundle-manifest, naming
     *     the member and what was wrong
     */
    Manifest read() throws IOException, FormatException {
        var sha256 = Digest.newSha256();
        in.startDigest(sha256);
        if (in.atEnd()) {
            throw new FormatException("manifest: the bundle is empty");
        }
        CborSequenceReader.Head head = in.readHead();
        if (head.majorType() != CborSequenceReader.MAP) {
            throw new FormatException("manifest: expected a map at byte 0, found major type " + head.majorType());
        }
        ManifestIndex index = new ManifestIndex();
        List<String> duplicates = new ArrayList<>();
        CborMap.Builder shell = CborMap.builder();
        byte[] previousKey = null;
        for (long i = 0; i < head.argument(); i++) {
            byte[] keyBytes = in.readItem(limit, "manifest key");
            if (previousKey != null && Arrays.compareUnsigned(previousKey, keyBytes) >= 0) {
                throw new FormatException("manifest: keys are not in deterministic order (or repeated) at byte "
                        + (in.offset() - keyBytes.length));
            }
            previousKey = keyBytes;
            CborValue key = CborInput.decode(keyBytes, CborProfile.DETERMINISTIC, "manifest key");
            if (key instanceof CborTextString text && LISTS.contains(text.value())) {
                readList(text.value(), index, duplicates);
                shell.put(key, new CborArray(List.of()));
            } else {
                byte[] value = in.readItem(limit, "manifest " + key);
                shell.put(key, CborInput.decode(value, CborProfile.DETERMINISTIC, "manifest " + key));
            }
        }
        in.stopDigest();
        CborMap fields = shell.build();
        check(RuntapeSchemas.BUNDLE_MANIFEST, fields, "manifest");
        return new Manifest(text(fields, "export-id"), text(dataset(fields), "dataset-id"),
                text(dataset(fields), "name"), text(dataset(fields), "version"), text(fields, "recipient"),
                fields.get("purpose").map(v -> ((CborTextString) v).value()),
                created((CborInteger) fields.get("created").orElseThrow()),
                bytes(fields, "checkpoint"),
                fields.get("consistency").map(v -> ((CborByteString) v).bytes()),
                bytes(fields, "key-sets"), index, Digest.of(sha256.digest()), duplicates);
    }

    private void readList(String name, ManifestIndex index, List<String> duplicates)
            throws IOException, FormatException {
        CborSequenceReader.Head head = in.readHead();
        if (head.majorType() != CborSequenceReader.ARRAY) {
            throw new FormatException("manifest: " + name + " must be an array, found major type " + head.majorType());
        }
        for (long i = 0; i < head.argument(); i++) {
            String where = "manifest: " + name + "[" + i + "]";
            CborValue item = CborInput.decode(in.readItem(limit, where), CborProfile.DETERMINISTIC, where);
            switch (name) {
                case "trajectories" -> {
                    check(RuntapeSchemas.BUNDLE_TRAJECTORY, item, where);
                    CborMap map = (CborMap) item;
                    List<Digest> digests = new ArrayList<>();
                    for (CborValue digest : ((CborArray) map.get("statements").orElseThrow()).items()) {
                        digests.add(Digest.of((CborByteString) digest));
                    }
                    index.addTrajectory(text(map, "trajectory-id"),
                            map.get("split").map(v -> ((CborTextString) v).value()), digests, duplicates);
                }
                case "disclosures" -> {
                    check(RuntapeSchemas.BUNDLE_DISCLOSURE, item, where);
                    CborMap map = (CborMap) item;
                    Digest digest = Digest.of(bytes(map, "digest"));
                    ManifestIndex.Status status = included(map) ? ManifestIndex.Status.INCLUDED
                            : map.get("withheld").map(v -> ManifestIndex.Status.valueOf(
                                    ((CborTextString) v).value().toUpperCase(java.util.Locale.ROOT)))
                                    .orElse(ManifestIndex.Status.POLICY);
                    if (!index.addDisclosure(digest, status, map.get("reason").map(v -> ((CborTextString) v).value()))) {
                        duplicates.add("disclosure " + digest + " is listed twice");
                    }
                }
                default -> {
                    check(RuntapeSchemas.BUNDLE_ARTIFACT, item, where);
                    CborMap map = (CborMap) item;
                    Digest digest = Digest.of(bytes(map, "digest"));
                    if (!index.addArtifact(digest, included(map))) {
                        duplicates.add("artifact " + digest + " is listed twice");
                    }
                }
            }
        }
    }

    private static void check(String rule, CborValue value, String where) throws FormatException {
        ValidationResult result = RuntapeSchemas.validator(rule).validate(value);
        if (!result.isValid()) {
            throw new FormatException(where + ": not a valid " + rule + ": "
                    + String.join("; ", result.failures().stream().map(Failure::toString).toList()));
        }
    }

    private static Instant created(CborInteger millis) throws FormatException {
        if (!millis.fitsLong()) {
            throw new FormatException("manifest: created " + millis + " is out of range");
        }
        return Instant.ofEpochMilli(millis.longValueExact());
    }

    private static boolean included(CborMap map) {
        return map.get("included").orElseThrow().equals(CborSimple.TRUE);
    }

    private static CborMap dataset(CborMap fields) {
        return (CborMap) fields.get("dataset").orElseThrow();
    }

    private static String text(CborMap map, String key) {
        return ((CborTextString) map.get(key).orElseThrow()).value();
    }

    private static byte[] bytes(CborMap map, String key) {
        return ((CborByteString) map.get(key).orElseThrow()).bytes();
    }
}
