package dev.runtape.ledger.importer.vac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;

/**
 * A VAC record signed as the draft's {@code signed-agent-record}: a tagged COSE_Sign1 whose payload is the record as
 * compact JSON ({@code content-type} "application/json"), its protected header the key's alg and kid and CWT claims
 * (iss the issuer, sub the record id), its unprotected header the trace metadata at label 100 (session id, agent
 * vendor, trace format "ietf-vac-v3.0", start, and the payload's SHA-256 in hex).
 */
public final class VacSignedRecords {

    /** The draft's placeholder label of the trace metadata in the unprotected header. */
    public static final long TRACE_METADATA = 100;
    public static final String TRACE_FORMAT = "ietf-vac-v3.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VacSignedRecords() {
    }

    public static CoseSign1 sign(ObjectNode record, SigningKey key, String issuer) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        JsonNode session = record.path("session");
        CborMap claims = CborMap.builder().put(1, CborTextString.of(issuer))
                .put(2, CborTextString.of(record.path("id").asText())).build();
        CborMap metadata = CborMap.builder()
                .put("session-id", CborTextString.of(session.path("session-id").asText()))
                .put("agent-vendor", CborTextString.of(session.path("agent-meta").path("cli-name").asText("runtape")))
                .put("trace-format", CborTextString.of(TRACE_FORMAT))
                .put("timestamp-start", start(session))
                .put("content-hash", CborTextString.of(Digest.sha256(payload).hex()))
                .put("content-hash-alg", CborTextString.of("sha-256"))
                .build();
        return Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/json"))
                .protectedParameter(HeaderLabels.CWT_CLAIMS, claims)
                .unprotectedParameter(TRACE_METADATA, metadata)
                .sign(payload);
    }

    /** The record a signed record carries; the caller verifies the signature first. */
    public static ObjectNode record(CoseSign1 signed) throws IOException {
        byte[] payload = signed.payload().orElseThrow(() -> new IOException("the signed record's payload is detached"));
        JsonNode record = JSON.readTree(payload);
        if (!record.isObject()) {
            throw new IOException("the signed record's payload is no JSON object");
        }
        return (ObjectNode) record;
    }

    /** The session's start, else its first entry's timestamp, else 0 (the epoch): the draft requires one. */
    private static CborValue start(JsonNode session) {
        JsonNode start = session.path("session-start");
        if (start.isMissingNode()) {
            start = session.path("entries").path(0).path("timestamp");
        }
        if (start.isTextual()) {
            return CborTextString.of(start.textValue());
        }
        return CborInteger.of(start.isIntegralNumber() ? start.asLong() : 0);
    }
}
