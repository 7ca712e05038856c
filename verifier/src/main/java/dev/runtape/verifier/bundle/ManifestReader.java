package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborEncoder;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Reads the manifest at the head of a bundle a member at a time, and each trajectory, disclosure and artifact of its
 * lists one at a time, into a {@link Manifest}: a million-statement manifest is never decoded whole. Every piece is
 * checked against its rule in bundle.cddl; the members other than the three lists are checked together against
 * {@code bundle-manifest} with the lists left empty.
 *
 * <p>The elements of the lists are decoded and checked in chunks on an executor (the verifier's workers), and added
 * to the index in list order, there too, while the reading goes on: the first element that fails, in list order, is
 * the one reported, as when they are read one after another. The manifest's digest is taken there as well, its bytes
 * hashed in order by stages that follow one another, so that this thread only reads.
 */
final class ManifestReader {

    private static final List<String> LISTS = List.of("trajectories", "disclosures", "artifacts");

    /** Elements checked at once by one task. */
    private static final int CHUNK = 4096;
    /** Bytes of a chunk beyond which it is handed over before it is full. */
    private static final long CHUNK_BYTES = 1 << 20;
    /** Chunks in flight beyond which the reading waits for the oldest, bounding the bytes held. */
    private static final int CHUNKS_IN_FLIGHT = 8;

    private final CborSequenceReader in;
    private final long limit;
    private final Executor executor;
    /** The manifest's digest, taken on the executor ({@link #hash}). */
    private final MessageDigest sha256 = Digest.newSha256();
    /** The bytes read but not yet handed to be hashed: heads, keys and the members other than the lists. */
    private final ByteArrayOutputStream unhashed = new ByteArrayOutputStream();
    /** Where a chunk's elements are copied together to be hashed: used by one hashing stage at a time. */
    private final byte[] together = new byte[64 << 10];
    /** The last stage hashing the manifest's bytes: each follows the one before. */
    private CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);
    /** The last stage adding a chunk of a list's elements to the index: each follows the one before. */
    private CompletableFuture<Void> added = CompletableFuture.completedFuture(null);
    /** The chunks handed over and not yet waited for, oldest first. */
    private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();

    /** @param executor where the elements of the lists are decoded and checked; {@code Runnable::run} for here */
    ManifestReader(CborSequenceReader in, long limit, Executor executor) {
        this.in = in;
        this.limit = limit;
        this.executor = executor;
    }

    /** An element of a list, decoded and checked against its rule, to be added to the index in list order. */
    private sealed interface Element {
        void addTo(ManifestIndex index, List<String> duplicates);
    }

    private record TrajectoryElement(String id, Optional<String> split, List<Digest> digests) implements Element {
        @Override
        public void addTo(ManifestIndex index, List<String> duplicates) {
            index.addTrajectory(id, split, digests, duplicates);
        }
    }

    private record DisclosureElement(Digest digest, ManifestIndex.Status status, Optional<String> reason)
            implements Element {
        @Override
        public void addTo(ManifestIndex index, List<String> duplicates) {
            if (!index.addDisclosure(digest, status, reason)) {
                duplicates.add("disclosure " + digest + " is listed twice");
            }
        }
    }

    private record ArtifactElement(Digest digest, boolean included) implements Element {
        @Override
        public void addTo(ManifestIndex index, List<String> duplicates) {
            if (!index.addArtifact(digest, included)) {
                duplicates.add("artifact " + digest + " is listed twice");
            }
        }
    }

    /** A chunk's elements as checked, up to the first that failed, if one did. */
    private record Checked(List<Element> elements, @Nullable FormatException failure) {
    }

    /**
     * @throws FormatException if the manifest is not a deterministic CBOR map valid against bundle-manifest, naming
     *     the member and what was wrong
     */
    Manifest read() throws IOException, FormatException {
        ManifestIndex index = new ManifestIndex();
        List<String> duplicates = new ArrayList<>();
        CborMap fields;
        try {
            fields = readMembers(index, duplicates);
        } catch (IOException | FormatException | RuntimeException e) {
            // An element before what failed here that fails too is the one to report; nothing is left running.
            awaitQuietly(hashed);
            await(added);
            throw e;
        }
        await(added);
        hashed.join();
        Digest digest = Digest.finish(sha256);
        check(RuntapeSchemas.BUNDLE_MANIFEST, fields, "manifest");
        return new Manifest(text(fields, "export-id"), text(dataset(fields), "dataset-id"),
                text(dataset(fields), "name"), text(dataset(fields), "version"), text(fields, "recipient"),
                fields.get("purpose").map(v -> ((CborTextString) v).value()),
                created((CborInteger) fields.get("created").orElseThrow()),
                bytes(fields, "checkpoint"),
                fields.get("consistency").map(v -> ((CborByteString) v).bytes()),
                bytes(fields, "key-sets"), index, digest, duplicates);
    }

    /** Reads the members, the lists' elements handed to the executor; returns the others, the lists left empty. */
    private CborMap readMembers(ManifestIndex index, List<String> duplicates) throws IOException, FormatException {
        if (in.atEnd()) {
            throw new FormatException("manifest: the bundle is empty");
        }
        CborSequenceReader.Head head = in.readHead();
        if (head.majorType() != CborSequenceReader.MAP) {
            throw new FormatException("manifest: expected a map at byte 0, found major type " + head.majorType());
        }
        unhashed.writeBytes(encodedHead(head));
        CborMap.Builder shell = CborMap.builder();
        byte[] previousKey = null;
        for (long i = 0; i < head.argument(); i++) {
            byte[] keyBytes = in.readItem(limit, "manifest key");
            unhashed.writeBytes(keyBytes);
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
                unhashed.writeBytes(value);
                shell.put(key, CborInput.decode(value, CborProfile.DETERMINISTIC, "manifest " + key));
            }
        }
        hash(List.of());
        return shell.build();
    }

    private void readList(String name, ManifestIndex index, List<String> duplicates)
            throws IOException, FormatException {
        CborSequenceReader.Head head = in.readHead();
        if (head.majorType() != CborSequenceReader.ARRAY) {
            throw new FormatException("manifest: " + name + " must be an array, found major type " + head.majorType());
        }
        unhashed.writeBytes(encodedHead(head));
        index.expect(name, head.argument());
        // Each chunk is checked on the executor, and its elements are added to the index by a stage that follows the
        // last chunk's: in list order, while this thread reads on. A stage after one that failed adds nothing.
        List<byte[]> chunk = new ArrayList<>();
        long chunkBytes = 0;
        long first = 0;
        for (long i = 0; i < head.argument(); i++) {
            long n = i;
            byte[] bytes = in.readItem(limit, () -> where(name, n));
            chunk.add(bytes);
            chunkBytes += bytes.length;
            if (chunk.size() == CHUNK || chunkBytes >= CHUNK_BYTES) {
                handOver(name, first, chunk, index, duplicates);
                first = i + 1;
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
        }
        if (!chunk.isEmpty()) {
            handOver(name, first, chunk, index, duplicates);
        }
    }

    /**
     * Hands a chunk to the executor, to be checked, hashed and added in list order; waits for the oldest chunks
     * beyond those allowed in flight, bounding the bytes held.
     */
    private void handOver(String name, long first, List<byte[]> chunk, ManifestIndex index, List<String> duplicates)
            throws FormatException {
        added = addAfter(added, check(name, first, chunk), index, duplicates);
        hash(chunk);
        inFlight.add(CompletableFuture.allOf(added, hashed));
        while (inFlight.size() > CHUNKS_IN_FLIGHT) {
            await(inFlight.remove());
        }
    }

    /**
     * Hashes, after what came before, the bytes read since ({@link #unhashed}) and then {@code elements}: on the
     * executor, so that this thread reads on while the manifest's digest is taken, in order, there. The elements are
     * copied together first: SHA-256 fed a few dozen bytes at a time costs twice what it does fed in one piece.
     */
    private void hash(List<byte[]> elements) {
        byte[] before = unhashed.toByteArray();
        unhashed.reset();
        hashed = hashed.thenRunAsync(() -> {
            sha256.update(before);
            int length = 0;
            for (byte[] element : elements) {
                if (length + element.length > together.length) {
                    sha256.update(together, 0, length);
                    length = 0;
                }
                if (element.length > together.length) {
                    sha256.update(element);
                } else {
                    System.arraycopy(element, 0, together, length, element.length);
                    length += element.length;
                }
            }
            sha256.update(together, 0, length);
        }, executor);
    }

    /**
     * The bytes of a head read: a map's or an array's head is read only in its shortest form ({@link
     * CborSequenceReader#readHead}), so its encoding is the one the manifest holds.
     */
    private static byte[] encodedHead(CborSequenceReader.Head head) {
        return CborEncoder.head(head.majorType(), head.argument());
    }

    /** A stage that adds a chunk's elements once the stage before it has added its own. */
    private CompletableFuture<Void> addAfter(CompletableFuture<Void> before, CompletableFuture<Checked> chunk,
            ManifestIndex index, List<String> duplicates) {
        return before.thenCombineAsync(chunk, (done, checked) -> {
            checked.elements().forEach(element -> element.addTo(index, duplicates));
            if (checked.failure() != null) {
                throw new CompletionException(checked.failure());
            }
            return null;
        }, executor);
    }

    /** Waits for a stage whose failure, if any, is not the one to report. */
    private static void awaitQuietly(CompletableFuture<Void> stage) {
        try {
            stage.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // reported by the caller, or of no consequence
        }
    }

    /** Waits for the stage; the first element that failed, if any, is thrown. */
    private static void await(CompletableFuture<Void> stage) throws FormatException {
        try {
            stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof FormatException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static String where(String name, long i) {
        return "manifest: " + name + "[" + i + "]";
    }

    /** Decodes and checks a chunk of the list {@code name}, whose first element is number {@code first}. */
    private CompletableFuture<Checked> check(String name, long first, List<byte[]> chunk) {
        return CompletableFuture.supplyAsync(() -> {
            List<Element> elements = new ArrayList<>(chunk.size());
            for (int k = 0; k < chunk.size(); k++) {
                try {
                    elements.add(element(name, first + k, chunk.get(k)));
                } catch (FormatException e) {
                    return new Checked(elements, e);
                }
            }
            return new Checked(elements, null);
        }, executor);
    }

    /**
     * The deterministic encoding of {"digest": h'<32 bytes>', "included": <bool>}, as the exporter lists most
     * disclosures and every artifact: a map of two, the text "digest", a byte string of 32, the text "included".
     */
    private static final byte[] LISTED_HEAD = {(byte) 0xa2, 0x66, 'd', 'i', 'g', 'e', 's', 't', 0x58, 0x20};
    private static final byte[] INCLUDED_KEY = {0x68, 'i', 'n', 'c', 'l', 'u', 'd', 'e', 'd'};
    private static final int LISTED_LENGTH = LISTED_HEAD.length + Digest.LENGTH + INCLUDED_KEY.length + 1;
    private static final int FALSE = 0xf4;
    private static final int TRUE = 0xf5;

    /**
     * A disclosure or an artifact listed in exactly that encoding, read from its bytes: valid against
     * bundle-disclosure and bundle-artifact as decoding and checking would find it; null for any other encoding,
     * which is decoded and checked.
     */
    private static @Nullable Element listed(String name, byte[] bytes) {
        if (bytes.length != LISTED_LENGTH
                || !Arrays.equals(bytes, 0, LISTED_HEAD.length, LISTED_HEAD, 0, LISTED_HEAD.length)
                || !Arrays.equals(bytes, LISTED_HEAD.length + Digest.LENGTH, LISTED_LENGTH - 1, INCLUDED_KEY, 0,
                        INCLUDED_KEY.length)) {
            return null;
        }
        int bool = bytes[LISTED_LENGTH - 1] & 0xff;
        if (bool != FALSE && bool != TRUE) {
            return null;
        }
        Digest digest = Digest.copyOf(bytes, LISTED_HEAD.length);
        return name.equals("disclosures")
                ? new DisclosureElement(digest, bool == TRUE ? ManifestIndex.Status.INCLUDED
                        : ManifestIndex.Status.POLICY, Optional.empty())
                : new ArtifactElement(digest, bool == TRUE);
    }

    private static Element element(String name, long number, byte[] bytes) throws FormatException {
        if (!name.equals("trajectories")) {
            Element listed = listed(name, bytes);
            if (listed != null) {
                return listed;
            }
        } else {
            TrajectoryScan scanned = TrajectoryScan.of(bytes);
            if (scanned != null) {
                return new TrajectoryElement(scanned.id(), scanned.split(), scanned.statements());
            }
        }
        String where = where(name, number);
        CborValue item = CborInput.decode(bytes, CborProfile.DETERMINISTIC, where);
        switch (name) {
            case "trajectories" -> {
                check(RuntapeSchemas.BUNDLE_TRAJECTORY, item, where);
                CborMap map = (CborMap) item;
                List<Digest> digests = new ArrayList<>();
                for (CborValue digest : ((CborArray) map.get("statements").orElseThrow()).items()) {
                    digests.add(Digest.of((CborByteString) digest));
                }
                return new TrajectoryElement(text(map, "trajectory-id"),
                        map.get("split").map(v -> ((CborTextString) v).value()), digests);
            }
            case "disclosures" -> {
                check(RuntapeSchemas.BUNDLE_DISCLOSURE, item, where);
                CborMap map = (CborMap) item;
                ManifestIndex.Status status = included(map) ? ManifestIndex.Status.INCLUDED
                        : map.get("withheld").map(v -> ManifestIndex.Status.valueOf(
                                ((CborTextString) v).value().toUpperCase(java.util.Locale.ROOT)))
                                .orElse(ManifestIndex.Status.POLICY);
                return new DisclosureElement(Digest.of(bytes(map, "digest")), status,
                        map.get("reason").map(v -> ((CborTextString) v).value()));
            }
            default -> {
                check(RuntapeSchemas.BUNDLE_ARTIFACT, item, where);
                CborMap map = (CborMap) item;
                return new ArtifactElement(Digest.of(bytes(map, "digest")), included(map));
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
