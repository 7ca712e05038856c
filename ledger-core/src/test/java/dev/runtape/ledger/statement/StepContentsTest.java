package dev.runtape.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.verifier.Digest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
    void theContentsOfManyStepsAreStoredInOneWriteAndEachOpensToItsValue() throws Exception {
        LocalDirectoryContentStore files = LocalDirectoryContentStore.open(dir.resolve("batched"));
        List<Integer> writes = new ArrayList<>();
        ContentStore counting = new ContentStore() {
            @Override
            public Digest put(byte[] content) throws ContentStoreException {
                writes.add(1);
                return files.put(content);
            }

            @Override
            public List<Digest> putAll(List<byte[]> all) throws ContentStoreException {
                writes.add(all.size());
                List<Digest> digests = new ArrayList<>();
                for (byte[] content : all) {
                    digests.add(files.put(content));
                }
                return digests;
            }

            @Override
            public StoredContent put(InputStream content, long maxBytes) throws ContentStoreException {
                return files.put(content, maxBytes);
            }

            @Override
            public Optional<byte[]> get(Digest digest) throws ContentStoreException {
                return files.get(digest);
            }

            @Override
            public Optional<InputStream> open(Digest digest) throws ContentStoreException {
                return files.open(digest);
            }

            @Override
            public boolean contains(Digest digest) throws ContentStoreException {
                return files.contains(digest);
            }

            @Override
            public boolean delete(Digest digest) throws ContentStoreException {
                return files.delete(digest);
            }
        };
        Disclosures batched = new Disclosures(counting, new SecureRandom());
        List<Step> steps = new StepContents(batched).discloseAll(List.of(
                step("{\"kind\": \"reasoning\", \"index\": 0, \"content\": \"look at the test\"}"),
                step("{\"kind\": \"command\", \"index\": 1, \"command\": \"ls\", \"exit-code\": 0, "
                        + "\"stdout\": \"a.py\"}")));

        assertThat(writes).as("one write of the three contents").containsExactly(3);
        ContentRef stdout = ContentRef.of(Digest.of(steps.get(1).get("stdout").get("digest").binaryValue()));
        assertThat(batched.open(stdout)).isInstanceOfSatisfying(OpenedDisclosure.Revealed.class,
                revealed -> assertThat(revealed.disclosure().value()).isEqualTo(CborTextString.of("a.py")));
    }

    @Test
    void stepsReadStraightFromAPayloadOpenAsTheDecodedEventsStepsDo() throws Exception {
        Digest screenshot = Digest.sha256(new byte[] {9});
        List<Step> stored = contents.discloseAll(List.of(
                step("{\"kind\": \"message\", \"index\": 0, \"role\": \"user\", \"content\": \"fix it\", "
                        + "\"time\": 1767225600000}"),
                step("{\"kind\": \"command\", \"index\": 1, \"command\": \"ls\", \"exit-code\": 0, "
                        + "\"stdout\": \"a.py\", \"stderr\": \"gone\"}"),
                step("{\"kind\": \"browser-action\", \"index\": 2, \"action\": \"click\", "
                        + "\"screenshot\": {\"digest\": \"" + screenshot.hex()
                        + "\", \"media-type\": \"image/png\"}}")));
        Digest stderr = Digest.of(stored.get(1).get("stderr").get("digest").binaryValue());
        LocalDirectoryContentStore.open(dir).delete(stderr); // withheld: stays a reference, its digest in hex
        CborMap payload = PayloadCodec.encode(new StepsRecorded("t-1", stored));

        List<ObjectNode> direct = StepContents.recorded(payload);
        contents.openInPlace(direct);

        List<ObjectNode> decoded = contents.openAll(PayloadCodec.decode(payload, StepsRecorded.class).steps());
        assertThat(direct).isEqualTo(decoded);
        assertThat(direct.get(0).get("content").textValue()).isEqualTo("fix it");
        assertThat(direct.get(1).get("stderr").get("digest").textValue()).isEqualTo(stderr.hex());
        assertThat(direct.get(2).get("screenshot").get("digest").textValue()).isEqualTo(screenshot.hex());
    }

    @Test
    void aBadStepInABatchIsNamedByItsPlaceAndNothingIsStored() throws Exception {
        assertThatThrownBy(() -> contents.discloseAll(List.of(
                step("{\"kind\": \"reasoning\", \"index\": 0, \"content\": \"fine\"}"),
                step("{\"kind\": \"reasoning\", \"index\": 1, \"content\": 7}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("steps[1].content: ");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
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
