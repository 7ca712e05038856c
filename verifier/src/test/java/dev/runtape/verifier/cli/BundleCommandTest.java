package dev.runtape.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.verifier.bundle.BundleGenerator;
import dev.runtape.verifier.bundle.BundleTampering;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runtape-verify bundle} on real bundle files: exit statuses 0, 1 and 2, the summary and the JSON report. */
class BundleCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BundleGenerator.Generated generated;

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void generate() {
        generated = BundleGenerator.generate(BundleGenerator.Config.small());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RuntapeVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path good() throws Exception {
        return generated.bundle().write(dir.resolve("good.bundle"));
    }

    private Path tampered(String name) throws Exception {
        var tampered = new BundleTampering(generated).all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
        return Files.write(dir.resolve("tampered.bundle"), tampered.bytes());
    }

    @Test
    void anUnsealedBundleFailsOnlyWhenASealIsRequired() throws Exception {
        Run lenient = run("bundle", good().toString());
        Run strict = run("bundle", good().toString(), "--require-seal");

        assertThat(lenient.status()).isZero();
        assertThat(lenient.out()).contains("skipped: the bundle carries no seal");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.out()).contains("--require-seal asks for one");
    }

    @Test
    void aGoodBundleExitsZeroWithASummary() throws Exception {
        Run run = run("bundle", good().toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("valid: bundle good.bundle verifies ("
                + generated.bundle().statements().size() + " statements)");
        assertThat(run.out())
                .contains("export: exp-1, for acme-research")
                .contains("dataset: ds-fixes (bug fixes, version 3)")
                .containsPattern("signature +" + generated.bundle().statements().size() + " checked, 0 failed")
                .contains("consistency  skipped: no trusted checkpoint given")
                .contains("withheld (not failures):")
                .containsPattern("disclosure [0-9a-f]{64}: redacted \\(secret\\)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theJsonReportParsesAndHoldsEveryCheck() throws Exception {
        Run run = run("bundle", good().toString(), "--json");

        assertThat(run.status()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("statements").asInt()).isEqualTo(generated.bundle().statements().size());
        List<String> checks = new ArrayList<>();
        report.get("checks").forEach(c -> checks.add(c.get("check").asText()));
        assertThat(checks).containsExactly("format", "manifest", "schema", "signature", "chain", "receipt",
                "checkpoint", "consistency", "disclosure", "artifact", "audit", "seal");
        assertThat(report.get("failures")).isEmpty();
        assertThat(report.get("withheld").get(0).get("reason").asText()).isEqualTo("secret");
        assertThat(report.get("checkpoint").get("tree-size").asLong()).isEqualTo(generated.tree().size());
    }

    @Test
    void aTamperedBundleExitsOneNamingTheItemAndTheReason() throws Exception {
        Path file = tampered("a statement replaced by one signed with a revoked key");

        Run text = run("bundle", file.toString());
        Run json = run("bundle", file.toString(), "--json");

        assertThat(text.status()).isEqualTo(1);
        assertThat(text.out().lines().findFirst().orElseThrow()).startsWith("invalid: ");
        assertThat(text.out()).containsPattern("statement \\d+ \\(trajectory/t-\\d #\\d+, [0-9a-f]{64}\\): key "
                + "[0-9a-f]{64} was revoked at .* \\[signature\\]");
        assertThat(json.status()).isEqualTo(1);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("failure-count").asInt()).isEqualTo(report.get("failures").size()).isPositive();
    }

    @Test
    void theTrustedCheckpointIsCheckedForConsistency() throws Exception {
        Path trusted = Files.write(dir.resolve("trusted.cbor"), generated.trustedCheckpoint());
        Path current = Files.write(dir.resolve("current.cbor"), generated.bundle().checkpoint());

        assertThat(run("bundle", good().toString(), "--trusted-checkpoint", trusted.toString()).status()).isZero();
        Run stale = run("bundle", tampered("a stale checkpoint").toString(), "--trusted-checkpoint", current.toString());
        assertThat(stale.status()).isEqualTo(1);
        assertThat(stale.out()).contains("trusted checkpoint: stale: the bundle's checkpoint");
    }

    @Test
    void fastSkipsSignatures() throws Exception {
        Run run = run("bundle", good().toString(), "--fast");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("signature    skipped: --fast");
    }

    @Test
    void usageAndInputErrorsExitTwo() throws Exception {
        Run missing = run("bundle", dir.resolve("none.bundle").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("bundle " + dir.resolve("none.bundle") + " does not exist");

        assertThat(run("bundle", good().toString(), "--no-such-option").status()).isEqualTo(2);
        assertThat(run("bundle").status()).isEqualTo(2);
        assertThat(run("bundle", good().toString(), "--threads", "0").status()).isEqualTo(2);

        Path notACheckpoint = Files.write(dir.resolve("junk.cbor"), new byte[] {1, 2, 3});
        Run junk = run("bundle", good().toString(), "--trusted-checkpoint", notACheckpoint.toString());
        assertThat(junk.status()).isEqualTo(2);
        assertThat(junk.err()).startsWith("runtape-verify: trusted checkpoint " + notACheckpoint + ": ");
    }

    @Test
    void aFileThatIsNoBundleExitsOne() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.bundle"), "not a bundle");

        Run run = run("bundle", junk.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("invalid: 1 failure; first: manifest: ");
    }
}
