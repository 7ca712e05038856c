package dev.runtape.api.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;

/**
 * A JSON report signed by the ledger's current key as a COSE_Sign1: content type application/json, CWT claims iss =
 * the ledger's origin and sub = what the report is about, so its reader checks it against the published key set.
 */
public final class SignedReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedReports() {
    }

    public static CoseSign1 sign(LedgerNode node, ObjectNode report, String subject) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        CborMap claims = CborMap.builder().put(1, CborTextString.of(node.settings().integrator().origin()))
                .put(2, CborTextString.of(subject)).build();
        return Sign1Builder.signingWith(node.keys().primary())
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/json"))
                .protectedParameter(HeaderLabels.CWT_CLAIMS, claims)
                .sign(payload);
    }
}
