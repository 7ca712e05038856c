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
import java.util.TreeSet;
import java.util.Set;
import java.util.ArrayList;
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
        // with children, nested in the record as they were in the file
        "claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl",
        "openhands/multi_swe_bench.output.jsonl",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.json",
    })
    void aStoredTrajectoryExportsAsTheRecordItsFileExportsAs(String file) throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(sample(file), null);
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            new LedgerImporter(node, "importer").write(run);

            ImportedTrajectory stored = new StoredTrajectoryReader(node.log(), node.disclosures())
                    .read(run.trajectoryId()).orElseThrow();
            assertThat(stored.children()).extracting(ImportedTrajectory::trajectoryId).containsExactlyElementsOf(
                    run.children().stream().map(ImportedTrajectory::trajectoryId).toList());
            ObjectNode fromLedger = VacRecords.export(stored);
            ObjectNode fromFile = VacRecords.export(run);

            assertThat(failures(fromLedger)).as("failures against verifiable-agent-record").isEmpty();
            assertThat(fromLedger.equals(BY_VALUE, fromFile)).as("the ledger's record differs from the file's at %s",
                    differences(fromLedger, fromFile, "")).isTrue();
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

    /** Where two records differ, as JSON pointers with both values; the first few. */
    private static List<String> differences(JsonNode a, JsonNode b, String at) {
        List<String> found = new ArrayList<>();
        if (a.equals(BY_VALUE, b)) {
            return found;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                found.addAll(differences(a.path(name), b.path(name), at + "/" + name));
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                found.addAll(differences(a.get(i), b.get(i), at + "/" + i));
            }
        } else {
            String left = a.toString();
            String right = b.toString();
            found.add(at + ": " + left.substring(0, Math.min(200, left.length())) + " vs "
                    + right.substring(0, Math.min(200, right.length())));
        }
        return found.subList(0, Math.min(5, found.size()));
    }
}
