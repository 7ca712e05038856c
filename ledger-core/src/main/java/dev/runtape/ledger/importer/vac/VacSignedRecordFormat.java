package dev.runtape.ledger.importer.vac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.TrajectoryFormat;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.VerificationKey;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A signed Verifiable Agent Conversation record ({@code signed-agent-record} of the draft): a tagged COSE_Sign1 whose
 * payload is a {@code verifiable-agent-record} as JSON. Before its record is read the signature must verify with a
 * key the importer knows ({@link SignedRecordKeys}), the payload must be attached and JSON, and a {@code content-hash}
 * in the trace metadata must be the payload's SHA-256. The record then maps as {@link VacRecordFormat} maps it.
 */
public final class VacSignedRecordFormat implements TrajectoryFormat {

    public static final String NAME = "vac-signed-record";

    /** CBOR's head of tag 18 (COSE_Sign1) and of an array of four, the two bytes every such record begins with. */
    private static final int TAG_18 = 0xd2;
    private static final int ARRAY_OF_4 = 0x84;

    private final SignedRecordKeys keys;

    public VacSignedRecordFormat(SignedRecordKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean text() {
        return false;
    }

    @Override
    public double detect(SourceFile source) {
        byte[] head = source.firstBytes(2);
        return head.length == 2 && (head[0] & 0xff) == TAG_18 && (head[1] & 0xff) == ARRAY_OF_4 ? 0.9 : 0;
    }

    @Override
    public ImportedTrajectory read(SourceFile source) throws ImportException {
        CoseSign1 signed = decode(source);
        byte[] payload = signed.payload().orElseThrow(() -> new ImportException(source.path(), "payload",
                "expected the record as the payload, found a detached payload"));
        checkContentType(source, signed);
        checkContentHash(source, signed, payload);
        checkSignature(source, signed);
        JsonNode record;
        try {
            record = VacSignedRecords.record(signed);
        } catch (IOException e) {
            throw new ImportException(source.path(), "payload", "expected a verifiable-agent-record as JSON, found: "
                    + e.getMessage(), e);
        }
        return VacRecordFormat.read(source, record, "payload$", NAME + "-" + source.shortDigest(), NAME);
    }

    private static CoseSign1 decode(SourceFile source) throws ImportException {
        try {
            CoseSign1 signed = CoseSign1.decode(source.bytes());
            if (!signed.isTagged()) {
                throw new ImportException(source.path(), "byte 0", "expected a COSE_Sign1 with tag 18, found one "
                        + "without its tag");
            }
            return signed;
        } catch (FormatException e) {
            throw new ImportException(source.path(), "the whole file", "expected a COSE_Sign1 signed-agent-record, "
                    + "found: " + e.getMessage(), e);
        }
    }

    private static void checkContentType(SourceFile source, CoseSign1 signed) throws ImportException {
        Optional<CborValue> type = signed.protectedHeader().map().get(HeaderLabels.CONTENT_TYPE);
        if (type.isPresent() && !type.get().equals(CborTextString.of("application/json"))) {
            throw new ImportException(source.path(), "protected header, content type", "expected "
                    + "\"application/json\", found " + type.get());
        }
    }

    private static void checkContentHash(SourceFile source, CoseSign1 signed, byte[] payload) throws ImportException {
        Optional<CborValue> metadata = signed.unprotectedHeader().get(VacSignedRecords.TRACE_METADATA);
        if (metadata.isEmpty() || !(metadata.get() instanceof CborMap trace)) {
            return;
        }
        Optional<CborValue> hash = trace.get("content-hash");
        String actual = Digest.sha256(payload).hex();
        if (hash.isPresent() && !hash.get().equals(CborTextString.of(actual))) {
            throw new ImportException(source.path(), "unprotected header, trace metadata, content-hash", "expected "
                    + "the payload's SHA-256 " + actual + ", found " + hash.get());
        }
    }

    private void checkSignature(SourceFile source, CoseSign1 signed) throws ImportException {
        byte[] kid = signed.kid().orElseThrow(() -> new ImportException(source.path(), "protected header, kid",
                "expected the kid of the key that signed the record, found none"));
        String hex = HexFormat.of().formatHex(kid);
        VerificationKey key = keys.find(kid).orElseThrow(() -> new ImportException(source.path(),
                "protected header, kid", "expected a registered producer key, found kid " + hex + ", which this "
                        + "ledger does not know or no longer trusts (register it with POST /admin/producer-keys)"));
        try {
            Sign1Verifier.verify(signed, key);
        } catch (VerificationException e) {
            throw new ImportException(source.path(), "signature", "expected a signature by kid " + hex
                    + ", found one that does not verify: " + e.getMessage(), e);
        }
    }
}
