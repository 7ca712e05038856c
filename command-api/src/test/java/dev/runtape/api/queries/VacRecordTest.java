package dev.runtape.api.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.importer.vac.VacRecords;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /trajectories/{id}/vac-record} over real HTTP: a real Aider session uploaded to {@code POST /imports}
 * comes back from the ledger as the record its file exports as, as JSON and signed by the ledger's key.
 */
class VacRecordTest extends ServiceTest {

    private static final Path SAMPLE = Path.of("..", "..", "shared", "samples", "aider", "chat-history.excerpt.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    @Autowired
    private LedgerNode node;

    @Test
    void anImportedTrajectoryComesBackAsItsRecordAsJsonAndSignedByTheLedger() throws Exception {
        Answer imported = admin().post("/imports?name=chat-history.excerpt.md&format=aider-chat-history",
                "application/octet-stream", Files.readAllBytes(SAMPLE));
        assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
        String id = imported.json().get("trajectory-id").asText();
        JsonNode expected = VacRecords.export(ImportFormats.detector().read(SourceFile.read(SAMPLE),
                "aider-chat-history"));

        Answer json = admin().get("/trajectories/" + id + "/vac-record");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.json().equals(BY_VALUE, expected)).as("the record the file exports as").isTrue();

        Answer cose = admin().withHeader("Accept", "application/cose").get("/trajectories/" + id + "/vac-record");
        assertThat(cose.status()).as(cose.toString()).isEqualTo(200);
        CoseSign1 signed = CoseSign1.decode(cose.bytes());
        Sign1Verifier.verify(signed, node.keys().primary().verificationKey());
        assertThat(JSON.readTree(signed.payload().orElseThrow()).equals(BY_VALUE, expected)).isTrue();
    }

    @Test
    void aTrajectoryTheLedgerDoesNotHoldIsNotFound() {
        Answer missing = admin().get("/trajectories/no-such-run/vac-record");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
    }
}
