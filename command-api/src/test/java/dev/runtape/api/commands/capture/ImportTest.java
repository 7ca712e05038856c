package dev.runtape.api.commands.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.vac.VacRecords;
import dev.runtape.ledger.importer.vac.VacSignedRecords;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /imports} with a real SWE-agent trajectory: what it reports is what the importer reads from the same
 * file, the trajectory is in the caller's tenant, a second upload stores nothing, and bad files are refused by name.
 */
class ImportTest extends ServiceTest {

    private static final Path SAMPLE = Path.of("..", "..", "shared", "samples", "swe-agent",
            "marshmallow-code__marshmallow-1867.function_calling_replace.traj");
    private static final Path CLAUDE = Path.of("..", "..", "shared", "samples", "claude-code",
            "4d5611e5-241a-462a-8d15-5122611a9569.jsonl");

    @Autowired
    private LedgerNode node;

    @Test
    void aSweAgentTrajectoryImportsOnceAndItsSummaryIsWhatTheFileHolds() throws Exception {
        ImportedTrajectory expected = ImportFormats.detector().read(SourceFile.read(SAMPLE), null);
        byte[] bytes = Files.readAllBytes(SAMPLE);

        Answer first = admin().post("/imports?name=" + SAMPLE.getFileName(), "application/octet-stream", bytes);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode summary = first.json();
        assertThat(summary.get("format").asText()).isEqualTo("swe-agent-traj");
        assertThat(summary.get("trajectory-id").asText()).isEqualTo(expected.trajectoryId());
        assertThat(summary.get("steps").asInt()).isEqualTo(expected.steps().size()).isPositive();
        assertThat(summary.get("commands").asLong()).isEqualTo(expected.count("command"));
        assertThat(summary.get("events-stored").asInt()).isPositive();
        assertThat(first.header("Location")).isEqualTo("/streams/trajectory/" + expected.trajectoryId());
        JsonNode stream = admin().get("/streams/trajectory/" + expected.trajectoryId()).json();
        assertThat(stream.get("tenant").asText()).isEqualTo("default");
        assertThat(stream.get("statements").get(0).get("event-type").asText()).isEqualTo("TrajectoryStarted");

        long before = node.log().lastPosition();
        Answer again = admin().post("/imports?name=" + SAMPLE.getFileName(), "application/octet-stream", bytes);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("events-stored").asInt()).isZero();
        assertThat(node.log().lastPosition()).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheFileAsTheCallerDidAndNothingIsStored() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        long before = node.log().lastPosition();
        Answer refused = admin().post("/imports?name=cut.traj&format=swe-agent-traj", "application/octet-stream",
                Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:import-refused");
        assertThat(refused.json().get("detail").asText()).startsWith("cut.traj: ").doesNotContain("/tmp");
        assertThat(node.log().lastPosition()).isEqualTo(before);
    }

    @Test
    void aFileOfNoKnownFormatAndABadNameAreRefused() {
        Answer unknown = admin().post("/imports?name=notes.txt", "text/plain",
                "just some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("notes.txt");

        Answer badName = admin().post("/imports?name=../../etc/passwd", "text/plain", new byte[] {1});
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("type").asText()).isEqualTo("urn:runtape:problem:invalid-request");
    }

    @Test
    void anEmptyFileANonUtf8ByteAnOverlongLineAndAFileOfAnotherFormatAreEachRefusedByFileAndLine()
            throws Exception {
        byte[] claude = Files.readAllBytes(CLAUDE);
        byte[] garbled = claude.clone();
        garbled[firstByteOfLine(garbled, 3)] = (byte) 0x80;
        byte[] overlong = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(overlong, (byte) 'x');
        long before = node.log().lastPosition();

        refused("empty.jsonl", null, new byte[0], "empty.jsonl: line 1: expected a trajectory, found an empty file");
        refused("garbled.jsonl", null, garbled, "garbled.jsonl: line 3, byte 1: expected UTF-8 text, found byte 0x80");
        refused("long.jsonl", null, overlong, "long.jsonl: line 1: expected a line of at most 16777216 bytes, found "
                + "one of 16777217 bytes");
        refused("session.jsonl", "swe-agent-traj", claude, "session.jsonl: ");

        assertThat(node.log().lastPosition()).isEqualTo(before);
    }

    @Test
    void aZipWhoseEntryLeavesTheUploadIsRefusedAndStoresNothing() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("run.traj"));
            zip.write(Files.readAllBytes(SAMPLE));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("../escaped.txt"));
            zip.write("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        long before = node.log().lastPosition();

        Answer answer = admin().post("/imports?name=run.traj", "application/zip", bytes.toByteArray());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText())
                .isEqualTo("the uploaded zip: entry \"../escaped.txt\" is not a relative path inside the upload");
        assertThat(node.log().lastPosition()).isEqualTo(before);
    }

    @Test
    void aSignedVacRecordImportsWhenItsKeyIsARegisteredProducerKeyAndIsRefusedOtherwise() throws Exception {
        ObjectNode record = VacRecords.export(ImportFormats.detector().read(SourceFile.read(SAMPLE), null));
        SigningKey producer = Ed25519SigningKey.generate(new SecureRandom());
        byte[] signed = VacSignedRecords.sign(record, producer, "importer-test").encode();
        long before = node.log().lastPosition();

        refused("run.cose", null, signed, "run.cose: protected header, kid: expected a registered producer key");
        assertThat(node.log().lastPosition()).isEqualTo(before);

        node.registerProducerKey("importer-test", producer.verificationKey(), Instant.now().minusSeconds(1));
        Answer imported = admin().post("/imports?name=run.cose", "application/octet-stream", signed);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("format").asText()).isEqualTo("vac-signed-record");
        assertThat(imported.json().get("steps").asInt()).isEqualTo(record.path("session").path("entries").size());
    }

    private void refused(String name, String format, byte[] body, String detail) {
        Answer refused = admin().post("/imports?name=" + name + (format == null ? "" : "&format=" + format),
                "application/octet-stream", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:import-refused");
        assertThat(refused.json().get("detail").asText()).startsWith(detail);
        assertThat(refused.json().get("location").asText()).as(refused.toString()).isNotBlank();
    }

    private static int firstByteOfLine(byte[] bytes, int line) {
        int seen = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (seen == line) {
                return i;
            }
            if (bytes[i] == '\n') {
                seen++;
            }
        }
        throw new IllegalArgumentException("no line " + line);
    }
}
