package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.receipt.Receipt;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a bundle file (bundle.cddl) as it streams: the manifest first, then the statements in log order, then the
 * included disclosures, then the included artifacts; each part is written as it is given and nothing is kept. The
 * static helpers build the manifest's pieces. Not thread-safe.
 */
public final class BundleWriter implements Closeable {

    /** The manifest's format. */
    public static final String FORMAT = "runtape-bundle/1";

    private enum Part { MANIFEST, STATEMENTS, DISCLOSURES, ARTIFACTS, AUDIT, SEAL }

    private final OutputStream out;
    private Part next = Part.MANIFEST;

    public BundleWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /**
     * Writes the manifest, which must come first.
     *
     * @throws IllegalStateException if anything was written before
     */
    public void manifest(CborMap manifest) throws IOException {
        advance(Part.MANIFEST);
        out.write(manifest.encode());
        next = Part.STATEMENTS;
    }

    /** Writes a statement in its bundle form ({@link #withReceipt}); statements come in log order. */
    public void statement(byte[] statement) throws IOException {
        advance(Part.STATEMENTS);
        out.write(CborArray.of(CborTextString.of("statement"), new CborByteString(statement)).encode());
    }

    /** Writes an included disclosure: its encoded {@code [salt, value]} and the digest the manifest lists. */
    public void disclosure(Digest digest, byte[] disclosure) throws IOException {
        advance(Part.DISCLOSURES);
        out.write(CborArray.of(CborTextString.of("disclosure"), new CborByteString(digest.bytes()),
                new CborByteString(disclosure)).encode());
    }

    /** Writes an included artifact's raw bytes. */
    public void artifact(Digest digest, byte[] bytes) throws IOException {
        advance(Part.ARTIFACTS);
        out.write(CborArray.of(CborTextString.of("artifact"), new CborByteString(digest.bytes()),
                new CborByteString(bytes)).encode());
    }

    /** Writes the provenance audit, a COSE_Sign1 of its JSON signed by the ledger, after the contents. */
    public void audit(byte[] signedAudit) throws IOException {
        advance(Part.AUDIT);
        out.write(CborArray.of(CborTextString.of("audit"), new CborByteString(signedAudit)).encode());
    }

    /**
     * The seal entry: the ledger's ExportSealed statement of this export, as the log holds it. It comes last, so a
     * bundle written before its export was sealed takes it by {@link #sealEntry} appended to the file.
     */
    public void seal(byte[] exportSealed) throws IOException {
        advance(Part.SEAL);
        out.write(sealEntry(exportSealed));
    }

    /** The encoded seal entry, for appending to a finished bundle file. */
    public static byte[] sealEntry(byte[] exportSealed) {
        return CborArray.of(CborTextString.of("seal"), new CborByteString(exportSealed)).encode();
    }

    private void advance(Part part) {
        if (part == Part.MANIFEST ? next != Part.MANIFEST : next == Part.MANIFEST || part.compareTo(next) < 0) {
            throw new IllegalStateException("a bundle holds its manifest, statements, disclosures and artifacts in "
                    + "that order; cannot write " + part.name().toLowerCase(java.util.Locale.ROOT) + " now");
        }
        next = part;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * A statement as the log holds it, with {@code receipts} attached in its unprotected header (label 394).
     *
     * @throws FormatException if {@code statement} is not a COSE_Sign1
     */
    public static byte[] withReceipt(byte[] statement, List<Receipt> receipts) throws FormatException {
        CoseSign1 message = CoseSign1.decode(statement);
        Map<CborValue, CborValue> unprotected = new LinkedHashMap<>(message.unprotectedHeader().entries());
        List<CborValue> wrapped = new ArrayList<>();
        receipts.forEach(r -> wrapped.add(new CborByteString(r.encode())));
        unprotected.put(CborInteger.of(HeaderLabels.RECEIPTS), new CborArray(wrapped));
        return message.withUnprotectedHeader(new CborMap(unprotected)).encode();
    }

    /** A bundle-trajectory: its statements' digests in log order. */
    public static CborMap trajectory(String id, Optional<String> split, List<Digest> statements) {
        CborMap.Builder map = CborMap.builder().put("trajectory-id", CborTextString.of(id));
        split.ifPresent(s -> map.put("split", CborTextString.of(s)));
        List<CborValue> digests = new ArrayList<>(statements.size());
        statements.forEach(d -> digests.add(new CborByteString(d.bytes())));
        return map.put("statements", new CborArray(digests)).build();
    }

    /** A bundle-disclosure the bundle includes. */
    public static CborMap includedDisclosure(Digest digest) {
        return CborMap.builder().put("digest", new CborByteString(digest.bytes())).put("included", CborSimple.TRUE)
                .build();
    }

    /** A bundle-disclosure the bundle withholds: {@code kind} is "redacted", "erased" or "policy". */
    public static CborMap withheldDisclosure(Digest digest, String kind, Optional<String> reason) {
        CborMap.Builder map = CborMap.builder().put("digest", new CborByteString(digest.bytes()))
                .put("included", CborSimple.FALSE).put("withheld", CborTextString.of(kind));
        reason.ifPresent(r -> map.put("reason", CborTextString.of(r)));
        return map.build();
    }

    /** A bundle-artifact. */
    public static CborMap artifact(Digest digest, boolean included) {
        return CborMap.builder().put("digest", new CborByteString(digest.bytes()))
                .put("included", CborSimple.of(included)).build();
    }
}
