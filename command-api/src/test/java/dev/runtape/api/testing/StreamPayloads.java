package dev.runtape.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborMap;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import java.util.Base64;

/** Payloads of a stream's statements as the API serves them, for tests that need a digest a statement names. */
public final class StreamPayloads {

    private StreamPayloads() {
    }

    /** The payload of the first statement of {@code eventType} in the stream at {@code path} (/streams/...). */
    public static CborMap payload(HttpClientForTests api, String path, String eventType) {
        for (JsonNode statement : api.get(path).json().get("statements")) {
            if (statement.get("event-type").asText().equals(eventType)) {
                byte[] bytes = Base64.getDecoder().decode(statement.get("statement").asText());
                try {
                    return (CborMap) CborDecoder.decode(CoseSign1.decode(bytes).payload().orElseThrow());
                } catch (CborException | FormatException e) {
                    throw new AssertionError("a stored statement of " + path + " cannot be read", e);
                }
            }
        }
        throw new AssertionError("no " + eventType + " in " + path);
    }

    /** The digest of the disclosure {@code member} of step 0 of the trajectory's first StepsRecorded. */
    public static Digest stepDisclosure(HttpClientForTests api, String trajectory, String member) {
        CborMap payload = payload(api, "/streams/trajectory/" + trajectory, "StepsRecorded");
        CborMap step = (CborMap) ((CborArray) payload.get("steps").orElseThrow()).items().getFirst();
        return digestOf((CborMap) step.get(member).orElseThrow());
    }

    /** The digest of a content-ref ({@code {"digest": h'...', ...}}). */
    public static Digest digestOf(CborMap contentRef) {
        try {
            return Digest.of(((CborByteString) contentRef.get("digest").orElseThrow()).bytes());
        } catch (FormatException e) {
            throw new AssertionError("not a digest: " + contentRef, e);
        }
    }
}
