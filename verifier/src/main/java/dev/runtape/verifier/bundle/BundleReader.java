package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Streams a bundle file (bundle.cddl): {@link #open} reads the manifest, then {@link #next} returns one entry at a
 * time. Memory stays bounded by the manifest's compact index and the largest single entry ({@link #MAX_ENTRY_BYTES}).
 */
public final class BundleReader implements Closeable {

    /** The largest entry read: a statement, a disclosure or an artifact. Larger ones are refused by their head. */
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    /** The largest piece of a manifest read at once: one member, or one trajectory of its list. */
    public static final long MAX_MANIFEST_PART_BYTES = 128L * 1024 * 1024;

    private final CborSequenceReader in;
    private final Manifest manifest;
    private long ordinal;
    private boolean broken;
    /** The number of the entry being read, and where it starts: for the two below, made once, not at every entry. */
    private long current;
    private long currentAt;
    /** Names the entry being read, when it fails. */
    private final Supplier<String> named = () -> "entry " + current + " (at byte " + currentAt + ")";
    /** The entry being read, framed where it lies, or a copy of its bytes when it is not of a well-known shape. */
    private final CborSequenceReader.ItemBytes<Object> framed = (bytes, from, to) -> {
        BundleEntry entry = EntryFrame.read(current, bytes, from, to);
        return entry != null ? entry : Arrays.copyOfRange(bytes, from, to);
    };

    private BundleReader(CborSequenceReader in, Manifest manifest) {
        this.in = in;
        this.manifest = manifest;
    }

    /**
     * Opens a bundle and reads its manifest.
     *
     * @throws FormatException if the manifest is malformed or not valid against bundle-manifest
     * @throws IOException if the file cannot be read
     */
    public static BundleReader open(Path file) throws IOException, FormatException {
        return open(file, Runnable::run);
    }

    /**
     * Opens a bundle, the elements of its manifest's lists decoded and checked on {@code executor}.
     *
     * @throws FormatException if the manifest is malformed or not valid against bundle-manifest
     * @throws IOException if the file cannot be read
     */
    public static BundleReader open(Path file, Executor executor) throws IOException, FormatException {
        return open(Files.newInputStream(file), file.getFileName().toString(), executor);
    }

    public static BundleReader open(InputStream stream, String name) throws IOException, FormatException {
        return open(stream, name, Runnable::run);
    }

    private static BundleReader open(InputStream stream, String name, Executor executor)
            throws IOException, FormatException {
        CborSequenceReader in = new CborSequenceReader(stream, name);
        try {
            return new BundleReader(in, new ManifestReader(in, MAX_MANIFEST_PART_BYTES, executor).read());
        } catch (IOException | FormatException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * The next entry, or empty at the end of the bundle.
     *
     * @throws FormatException if the entry is malformed, too long, not of the shape of a bundle-entry, or the file
     *     ends inside it; the message names the entry by its number. Reading may go on with the next entry unless
     *     {@link #lostTrack()}.
     */
    public Optional<BundleEntry> next() throws IOException, FormatException {
        if (broken || in.atEnd()) {
            return Optional.empty();
        }
        long number = ordinal++;
        long at = in.offset();
        current = number;
        currentAt = at;
        Object item;
        try {
            item = in.readItem(MAX_ENTRY_BYTES, named, framed);
        } catch (FormatException e) {
            broken = true;
            throw e;
        }
        if (item instanceof BundleEntry entry) {
            return Optional.of(entry);
        }
        // Any other shape is decoded whole, to say what is wrong with it.
        byte[] bytes = (byte[]) item;
        String where = "entry " + number + " (at byte " + at + ")";
        CborValue value = CborInput.decode(bytes, CborProfile.DETERMINISTIC, where);
        if (!(value instanceof CborArray array) || array.size() < 2
                || !(array.get(0) instanceof CborTextString kind)) {
            throw new FormatException(where + ": expected [kind, ...], found " + describe(value));
        }
        // Only the frame is checked here; what an entry holds is checked, and reported, by the verifier.
        if (!Set.of("statement", "seal", "audit").contains(kind.value()) && (array.size() != 3 || !(array.get(1) instanceof CborByteString)
                || !(array.get(2) instanceof CborByteString))) {
            throw new FormatException(where + ": expected [\"" + kind.value() + "\", digest, bstr], found "
                    + describe(value));
        }
        return Optional.of(switch (kind.value()) {
            case "statement" -> {
                if (array.size() != 2 || !(array.get(1) instanceof CborByteString statement)) {
                    throw new FormatException(where + ": expected [\"statement\", bstr]");
                }
                yield new BundleEntry.StatementEntry(number, ByteRange.of(statement.bytes()));
            }
            case "audit" -> {
                if (array.size() != 2 || !(array.get(1) instanceof CborByteString audit)) {
                    throw new FormatException(where + ": expected [\"audit\", bstr]");
                }
                yield new BundleEntry.AuditEntry(number, ByteRange.of(audit.bytes()));
            }
            case "seal" -> {
                if (array.size() != 2 || !(array.get(1) instanceof CborByteString seal)) {
                    throw new FormatException(where + ": expected [\"seal\", bstr]");
                }
                yield new BundleEntry.SealEntry(number, ByteRange.of(seal.bytes()));
            }
            case "disclosure" -> new BundleEntry.DisclosureEntry(number, digest(array), contentAt(array));
            case "artifact" -> new BundleEntry.ArtifactEntry(number, digest(array), contentAt(array));
            default -> throw new FormatException(where + ": unknown kind of entry \"" + kind.value() + "\"");
        });
    }

    /** The number of bytes of the bundle read so far: where the next entry starts. */
    long offset() {
        return in.offset();
    }

    /**
     * Says that no entry that ends at or before {@code offset} is held any more, neither it nor its bytes where they
     * lie: the buffers they lie in are read into again ({@link CborSequenceReader#release}).
     */
    void release(long offset) {
        in.release(offset);
    }

    /** Whether an entry could not be delimited (truncated, too long, a bad head): nothing after it can be read. */
    public boolean lostTrack() {
        return broken;
    }

    private static Digest digest(CborArray array) throws FormatException {
        return Digest.of(bytesAt(array, 1));
    }

    private static ByteRange contentAt(CborArray array) {
        return ByteRange.of(bytesAt(array, 2));
    }

    private static byte[] bytesAt(CborArray array, int index) {
        return ((CborByteString) array.get(index)).bytes();
    }

    private static String describe(CborValue value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
