package dev.runtape.schemas.cddl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on real files: every exit status and what it prints. */
class RuntapeCddlTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RuntapeCddl.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void checkReportsEveryProblemWithFileLineAndColumn() throws IOException {
        Path schema = write("s.cddl", "a = { b: c }\nd = e / f\n");

        Run run = run("check", schema.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(schema + ":1:10: undefined name c\n" + schema + ":2:5: undefined name e\n"
                + schema + ":2:9: undefined name f\n");
    }

    @Test
    void checkAcceptsTheAgentConversationDraft() {
        Run run = run("check", SharedFiles.vector("cddl/verifiable-agent-conversations.agent-conversation.cddl").toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("ok: ").contains("first rule start");
    }

    @Test
    void validateTellsJsonFromCborAndReportsEachFailureWithItsPath() throws IOException {
        Path schema = write("s.cddl", "thing = { count: uint, ? tags: [* tstr] }\n");
        Path json = write("good.json", "  {\"count\": 3, \"tags\": [\"a\"]}");
        Path bad = write("bad.json", "{\"count\": \"3\", \"tags\": [1]}");
        Path cbor = Files.write(dir.resolve("good.cbor"), new byte[] {(byte) 0xa1, 0x65, 'c', 'o', 'u', 'n', 't', 0x05});

        Run run = run("validate", schema.toString(), "thing", json.toString(), bad.toString(), cbor.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(json + ": valid\n" + bad + ": invalid\n  $.count: expected uint, found text \"3\"\n"
                + "  $.tags[0]: expected tstr, found uint 1\n" + cbor + ": valid\n");
    }

    @Test
    void validatePublishedReceiptsAgainstTheReceiptSchema() {
        Run run = run("validate", SharedFiles.vector("cddl/cose-receipts.draft-18.fig-receipts.cddl").toString(),
                "Receipt", SharedFiles.vector("cose/receipts/inclusion-receipt.cbor").toString(),
                SharedFiles.vector("cose/receipts/consistency-receipt.cbor").toString());

        assertThat(run.status()).isZero();
    }

    @Test
    void bytesThatAreNeitherJsonNorCborAreInvalid() throws IOException {
        Path schema = write("s.cddl", "thing = any\n");
        Path junk = Files.write(dir.resolve("junk"), new byte[] {(byte) 0x1c});

        Run run = run("validate", schema.toString(), "thing", junk.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(junk + ": invalid: neither JSON nor CBOR: at byte 0: reserved additional information 28\n");
    }

    @Test
    void usageAndSchemaErrorsExitTwo() throws IOException {
        Path schema = write("s.cddl", "thing = { a: uint }\ngroup = (a: uint)\n");
        Path json = write("x.json", "{}");

        assertThat(run().status()).isEqualTo(2);
        assertThat(run("validate", schema.toString()).status()).isEqualTo(2);
        Run unknownRule = run("validate", schema.toString(), "other", json.toString());
        assertThat(unknownRule.status()).isEqualTo(2);
        assertThat(unknownRule.err()).isEqualTo("runtape-cddl: the schema has no rule other\n");
        assertThat(run("validate", schema.toString(), "group", json.toString()).err())
                .isEqualTo("runtape-cddl: rule group is a group, not a type: it cannot be validated alone\n");
        assertThat(run("check", dir.resolve("absent.cddl").toString()).err())
                .isEqualTo("runtape-cddl: schema file " + dir.resolve("absent.cddl") + " does not exist\n");
    }
}
