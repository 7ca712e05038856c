package dev.runtape.ledger.importer.vac;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.StoredTrajectoryReader;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.schemas.cddl.Schema;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.Digest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trajectory exported from the ledger itself, not from the file it came from: imported into a real node on SQLite,
 * read back from its stream and the content store, and written as a VAC record, which is the record the file exports
 * as and validates against the draft. A redacted content exports as its digest, and the record stays valid.
 */
class StoredTrajectoryExportTest {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private static Schema schema;

    @TempDir
    Path directory;

    @BeforeAll
    static void compile() throws Exception {
        schema = Schema.compile("agent-conversation.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "swe-agent/pydicom__pydicom-1458.traj",
        "gemini-cli/harbor-rfc.gemini-cli-session.json",
        "aider/chat-history.excerpt.md",
        "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl",
    })
    void aStoredTrajectoryExportsAsTheRecordItsFileExportsAs(String file) throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(sample(file), null);
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            new LedgerImporter(node, "importer").write(run);

            ImportedTrajectory stored = new StoredTrajectoryReader(node.log(), node.disclosures())
                    .read(run.trajectoryId()).orElseThrow();
            ObjectNode fromLedger = VacRecords.export(stored);
            ObjectNode fromFile = VacRecords.export(run);

            assertThat(failures(fromLedger)).as("failures against verifiable-agent-record").isEmpty();
            assertThat(fromLedger.equals(BY_VALUE, fromFile)).as("the ledger's record %s%nthe file's %s",
                    fromLedger, fromFile).isTrue();
        }
    }

    @Test
    void aRedactedContentExportsAsItsDigestAndTheRecordStaysValid() throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(sample("swe-agent/pydicom__pydicom-1458.traj"), null);
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            new LedgerImporter(node, "importer").write(run);
            Step command = ImportFixture.storedSteps(node, run.trajectoryId()).stream()
                    .filter(step -> step.kind().equals("command")).findFirst().orElseThrow();
            Digest erased = Digest.of(command.get("command").get("digest").binaryValue());
            assertThat(node.content().delete(erased)).isTrue();

            ImportedTrajectory stored = new StoredTrajectoryReader(node.log(), node.disclosures())
                    .read(run.trajectoryId()).orElseThrow();
            ObjectNode record = VacRecords.export(stored);

            assertThat(failures(record)).isEmpty();
            ObjectNode exported = stored.steps().get((int) command.index());
            assertThat(exported.path("command").path("digest").asText()).isEqualTo(erased.hex());
            JsonNode entry = record.path("session").path("entries").get((int) command.index());
            assertThat(entry.path("command").path("digest").asText()).as(entry.toString()).isEqualTo(erased.hex());
            assertThat(run.steps().get((int) command.index()).path("command").asText())
                    .isEqualTo("create reproduce_bug.py\n");
        }
    }

    @Test
    void aTrajectoryTheLedgerDoesNotHoldReadsAsNothing() throws Exception {
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            assertThat(new StoredTrajectoryReader(node.log(), node.disclosures()).read("no-such-run")).isEmpty();
        }
    }

    private static List<String> failures(JsonNode record) {
        return schema.validator("verifiable-agent-record").validate(record).failures().stream()
                .map(Object::toString).toList();
    }
}
