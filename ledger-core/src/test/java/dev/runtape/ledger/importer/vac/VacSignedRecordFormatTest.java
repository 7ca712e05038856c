package dev.runtape.ledger.importer.vac;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.importer.FormatDetector;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.SourceFileCheck;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real sample exported, signed as a {@code signed-agent-record} and imported back: detected, its signature checked
 * against the importer's keys, and read as its JSON record is; every broken or foreign signed record is refused.
 */
class VacSignedRecordFormatTest {

    private static final Path FILE = Path.of("run.cose");
    private static final SigningKey KEY = Ed25519SigningKey.generate(new SecureRandom());

    private static ObjectNode record;
    private static ImportedTrajectory original;

    @BeforeAll
    static void exportASample() throws Exception {
        original = ImportFormats.detector().read(sample("gemini-cli/harbor-rfc.gemini-cli-session.json"), null);
        record = VacRecords.export(original);
    }

    @Test
    void aSignedRecordIsDetectedVerifiedAndReadAsItsRecordIs() throws Exception {
        SourceFile signed = new SourceFile(FILE, VacSignedRecords.sign(record, KEY, "runtape-test").encode());
        FormatDetector detector = detector(knowing(KEY));

        assertThat(detector.choose(signed, null).name()).isEqualTo("vac-signed-record");
        ImportedTrajectory read = detector.read(signed, null);
        ImportedTrajectory asJson = new VacRecordFormat().read(new SourceFile(Path.of("run.json"),
                record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(read.sourceFormat()).isEqualTo("vac-signed-record");
        assertThat(read.trajectoryId()).startsWith("vac-signed-record-");
        assertThat(read.steps()).isEqualTo(asJson.steps());
        assertThat(read.steps()).hasSize(original.steps().size());
        assertThat(read.taskText()).isEqualTo(original.taskText());
        assertThat(read.outcome()).isEqualTo(original.outcome());
    }

    @Test
    void aRecordSignedByAKeyTheImporterDoesNotKnowIsRefusedNamingTheKid() {
        SigningKey stranger = Ed25519SigningKey.generate(new SecureRandom());
        SourceFile signed = new SourceFile(FILE, VacSignedRecords.sign(record, stranger, "elsewhere").encode());

        assertThatThrownBy(() -> detector(knowing(KEY)).read(signed, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("run.cose: protected header, kid: expected a registered producer key, found kid "
                        + HexFormat.of().formatHex(stranger.verificationKey().kid()));
        assertThatThrownBy(() -> ImportFormats.detector().read(signed, null)).as("no keys at all")
                .isInstanceOf(ImportException.class).hasMessageContaining("does not know");
    }

    @Test
    void aChangedSignatureDoesNotVerify() {
        byte[] bytes = VacSignedRecords.sign(record, KEY, "runtape-test").encode();
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> detector(knowing(KEY)).read(new SourceFile(FILE, bytes), null))
                .isInstanceOf(ImportException.class).hasMessageContaining("run.cose: signature: expected a signature "
                        + "by kid");
    }

    @Test
    void aContentHashThatIsNotThePayloadsIsRefused() {
        CoseSign1 signed = VacSignedRecords.sign(record, KEY, "runtape-test");
        CborMap wrong = CborMap.builder().put(VacSignedRecords.TRACE_METADATA, CborMap.builder()
                .put("content-hash", CborTextString.of("00".repeat(32))).build()).build();
        SourceFile file = new SourceFile(FILE, signed.withUnprotectedHeader(wrong).encode());

        assertThatThrownBy(() -> detector(knowing(KEY)).read(file, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("content-hash: expected the payload's SHA-256");
    }

    @Test
    void anUntaggedOrTruncatedRecordIsRefusedAndABinaryFileIsNotTakenForText() {
        byte[] bytes = VacSignedRecords.sign(record, KEY, "runtape-test").encode();
        SourceFile untagged = new SourceFile(FILE, Arrays.copyOfRange(bytes, 1, bytes.length));
        SourceFile truncated = new SourceFile(FILE, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> detector(knowing(KEY)).read(untagged, "vac-signed-record"))
                .isInstanceOf(ImportException.class).hasMessageContaining("without its tag");
        assertThatThrownBy(() -> detector(knowing(KEY)).read(truncated, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("run.cose: the whole file: expected a COSE_Sign1 signed-agent-record");
    }

    private static FormatDetector detector(SignedRecordKeys keys) {
        return new FormatDetector(ImportFormats.all(keys), new SourceFileCheck(SourceFileCheck.DEFAULT_LINE_LIMIT));
    }

    private static SignedRecordKeys knowing(SigningKey key) {
        return kid -> Arrays.equals(kid, key.verificationKey().kid()) ? Optional.of(key.verificationKey())
                : Optional.empty();
    }
}
