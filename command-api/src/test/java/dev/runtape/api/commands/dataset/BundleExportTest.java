package dev.runtape.api.commands.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.cli.RuntapeCommand;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.api.testing.StreamPayloads;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.Check;
import dev.runtape.verifier.bundle.BundleVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exports over real HTTP and through {@code runtape export}: the bundle verifies offline, and after a secret is
 * redacted from a recorded command's output a later export carries only its digest, with the reason, and still
 * verifies.
 */
class BundleExportTest extends ServiceTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String SECRET = "AKIA-EXAMPLE-SECRET-7731";

    @TempDir
    Path directory;

    private static String id(String what) {
        return "bundle-" + what + "-" + IDS.incrementAndGet();
    }

    private void ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
    }

    private String acceptedRun(String task) {
        String trajectory = id("run");
        ok(admin().postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "codex"}}"""
                .formatted(trajectory, task)));
        ok(admin().postJson("/trajectories/" + trajectory + "/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "env", "exit-code": 0,
                            "stdout": "AWS_KEY=%s"}]}""".formatted(SECRET)));
        ok(admin().postJson("/trajectories/" + trajectory + "/completion", "{\"outcome\": \"success\"}"));
        ok(admin().postJson("/trajectories/" + trajectory + "/reviews", """
                {"decision": "accept", "reason": "fine"}"""));
        return trajectory;
    }

    private Path export(String dataset, String exportId) throws Exception {
        Answer answer = admin().postJson("/datasets/" + dataset + "/bundles", """
                {"export-id": "%s", "recipient": "lab", "purpose": "training"}""".formatted(exportId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).startsWith("application/cbor-seq");
        return Files.write(directory.resolve(exportId + ".bundle"), answer.bytes());
    }

    @Test
    void aRedactedSecretIsGoneFromLaterExportsWhichStillVerify() throws Exception {
        String task = id("task");
        ok(admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Rotate the keys", "family": "bundles"}""".formatted(task)));
        String run = acceptedRun(task);
        String dataset = id("dataset");
        ok(admin().postJson("/datasets", """
                {"dataset-id": "%s", "name": "keys", "version": "1", "purpose": "training"}""".formatted(dataset)));
        ok(admin().postJson("/datasets/" + dataset + "/admissions", """
                {"trajectory-id": "%s", "split": "train"}""".formatted(run)));

        Path before = export(dataset, id("export"));
        assertThat(hits("/search?q=AKIA")).as("found before the redaction").contains(run);
        assertThat(hits("/search?q=AKIA&outcome=failure")).doesNotContain(run);
        Digest stdout = StreamPayloads.stepDisclosure(admin(), run, "stdout");
        ok(admin().postJson("/trajectories/" + run + "/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "an access key in the output"}"""
                .formatted(stdout.hex())));
        assertThat(hits("/search?q=AKIA")).as("gone from the index once the redaction is answered")
                .doesNotContain(run);
        assertThat(hits("/search?q=env")).as("the command itself is still found").contains(run);
        String laterId = id("export");
        Path later = export(dataset, laterId);

        BundleReport first = BundleVerifier.verify(before, BundleVerifier.Options.defaults());
        BundleReport second = BundleVerifier.verify(later, BundleVerifier.Options.defaults());
        assertThat(first.failures()).isEmpty();
        assertThat(first.withheld()).isEmpty();
        assertThat(new String(Files.readAllBytes(before), StandardCharsets.ISO_8859_1)).contains(SECRET);
        assertThat(second.failures()).as("every signature still valid").isEmpty();
        assertThat(second.valid()).isTrue();
        assertThat(second.withheld()).singleElement().satisfies(w -> {
            assertThat(w.digest()).isEqualTo(stdout);
            assertThat(w.kind()).isEqualTo("redacted");
            assertThat(w.reason()).contains("an access key in the output");
        });
        assertThat(new String(Files.readAllBytes(later), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(second.tallies()).filteredOn(t -> t.check() == Check.SEAL).singleElement()
                .satisfies(t -> assertThat(t.checked()).isEqualTo(1));
        assertThat(second.tallies()).as("the provenance audit it carries, signed by the ledger")
                .filteredOn(t -> t.check() == Check.AUDIT).singleElement()
                .satisfies(t -> assertThat(List.of(t.checked(), t.failed())).containsExactly(1L, 0L));

        // The manifest's recipient changed by one letter: no statement's signature covers it, the seal does.
        byte[] altered = Files.readAllBytes(later);
        byte[] recipient = {0x63, 'l', 'a', 'b'};
        int at = indexOf(altered, recipient);
        assertThat(at).isPositive();
        altered[at + 3] = 'c';
        BundleReport tampered = BundleVerifier.verify(Files.write(directory.resolve("tampered.bundle"), altered),
                BundleVerifier.Options.defaults());
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.failures()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.SEAL);
            assertThat(f.reason()).contains("the manifest was altered");
        });
        assertThat(admin().get("/datasets/" + dataset + "/exports/" + laterId + "/audit").status())
                .as("the export was sealed").isEqualTo(200);

        JsonNode record = new ObjectMapper().readTree(admin().get("/datasets/" + dataset
                + "/training?split=train").bytes());
        assertThat(record.path("id").asText()).isEqualTo(run);
        assertThat(record.toString()).as("the record after the redaction").doesNotContain(SECRET)
                .contains(stdout.hex());
        String chat = new String(admin().get("/datasets/" + dataset + "/training?split=train&form=chat").bytes(),
                StandardCharsets.UTF_8);
        assertThat(chat.lines()).hasSize(1);
        assertThat(chat).contains("\"$ env\"").doesNotContain(SECRET);
        assertThat(admin().get("/datasets/" + dataset + "/training?split=eval").bytes()).isEmpty();
        assertThat(admin().get("/datasets/" + dataset + "/training?split=test").status()).isEqualTo(400);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RuntapeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path file = directory.resolve("cli.bundle");
        Path lines = directory.resolve("training");
        int exit = cli.execute("export", "--server", "http://localhost:" + port, "--api-key", adminKey(), dataset,
                "--recipient", "lab", "--purpose", "training", "--out", file.toString(), "--training",
                lines.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("exported " + dataset + " as ");
        assertThat(BundleVerifier.verify(file, BundleVerifier.Options.defaults()).valid()).isTrue();
        assertThat(Files.readAllLines(lines.resolve("train.jsonl"))).hasSize(1);
        assertThat(Files.readAllLines(lines.resolve("eval.jsonl"))).isEmpty();
    }

    private List<String> hits(String path) {
        Answer answer = admin().get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        answer.json().get("hits").forEach(hit -> ids.add(hit.get("trajectory-id").asText()));
        return ids;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anUnknownDatasetIsNotFoundAndLeavesNoFile() {
        Answer answer = admin().postJson("/datasets/no-such-dataset/bundles", """
                {"export-id": "x", "recipient": "lab"}""");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
