package dev.runtape.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.verifier.Digest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepContentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Disclosures disclosures;
    private StepContents contents;

    @BeforeEach
    void open() throws Exception {
        disclosures = new Disclosures(LocalDirectoryContentStore.open(dir), new SecureRandom());
        contents = new StepContents(disclosures);
    }

    private static ObjectNode step(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void clearContentsBecomeDisclosuresAndTheStepPassesTheSchema() throws Exception {
        Step step = contents.disclose(step("""
                {"kind": "command", "index": 0, "command": "pytest -q", "exit-code": 1,
                 "stdout": "1 failed", "cwd": "/repo"}"""));

        ContentRef command = ContentRef.of(Digest.of(step.get("command").get("digest").binaryValue()));
        assertThat(disclosures.open(command)).isInstanceOfSatisfying(OpenedDisclosure.Revealed.class,
                revealed -> assertThat(revealed.disclosure().value()).isEqualTo(CborTextString.of("pytest -q")));
        assertThat(step.get("cwd").textValue()).as("members that are not contents stay").isEqualTo("/repo");
        assertThat(step.get("stderr").isMissingNode()).isTrue();
        StatementValidator.checkPayload("StepsRecorded", PayloadCodec.encode(new StepsRecorded("t-1", List.of(step))));
    }

    @Test
    void aReferenceInHexIsKeptAsTheDigestItNames() throws Exception {
        Digest digest = Digest.sha256(new byte[] {1, 2, 3});
        Step step = contents.disclose(step("""
                {"kind": "file-edit", "index": 3, "path": "a.py", "diff": {"digest": "%s", "size": 12}}"""
                .formatted(digest.hex())));

        assertThat(step.get("diff").get("digest").binaryValue()).isEqualTo(digest.bytes());
        assertThat(step.get("diff").get("size").asLong()).isEqualTo(12);
    }

    @Test
    void aContentThatIsNeitherTextNorAReferenceIsRefusedByName() {
        assertThatThrownBy(() -> contents.disclose(step("""
                {"kind": "message", "index": 0, "role": "user", "content": 42}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("content: expected text");
        assertThatThrownBy(() -> contents.disclose(step("""
                {"kind": "tool-call", "index": 0, "call-id": "c", "tool": "t", "arguments": {"digest": "zz"}}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("arguments.digest:");
    }
}
