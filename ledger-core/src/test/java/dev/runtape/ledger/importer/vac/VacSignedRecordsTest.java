package dev.runtape.ledger.importer.vac;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.Schema;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** A sample exported, signed as {@code signed-agent-record}, valid against the draft and verifiable. */
class VacSignedRecordsTest {

    @Test
    void aSignedExportIsAValidSignedAgentRecordThatVerifiesAndCarriesTheRecord() throws Exception {
        Schema schema = Schema.compile("agent-conversation.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
        ObjectNode record = VacRecords.export(ImportFormats.detector()
                .read(sample("gemini-cli/harbor-rfc.gemini-cli-session.json"), null));
        SigningKey key = Ed25519SigningKey.generate(new SecureRandom());

        CoseSign1 signed = CoseSign1.decode(VacSignedRecords.sign(record, key, "runtape-test").encode());

        assertThat(schema.validator("signed-agent-record").validate(signed.toCbor()).failures())
                .extracting(Failure::toString).as("failures against signed-agent-record").isEmpty();
        Sign1Verifier.verify(signed, key.verificationKey());
        assertThat(VacSignedRecords.record(signed).toString()).as("the same JSON text").isEqualTo(record.toString());
        CborMap metadata = (CborMap) signed.unprotectedHeader().get(VacSignedRecords.TRACE_METADATA).orElseThrow();
        assertThat(metadata.get("content-hash")).contains(CborTextString.of(
                Digest.sha256(signed.payload().orElseThrow()).hex()));
        assertThat(metadata.get("trace-format")).contains(CborTextString.of("ietf-vac-v3.0"));

        CoseSign1 byAnother = VacSignedRecords.sign(record, Ed25519SigningKey.generate(new SecureRandom()), "other");
        assertThatThrownBy(() -> Sign1Verifier.verify(byAnother, key.verificationKey()))
                .isInstanceOf(VerificationException.class);
    }
}
