package dev.runtape.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Event-shaped records through the payload codec: the maps it makes match the events' CDDL rules, and read back into
 * the same records.
 */
class PayloadCodecTest {

    static final Digest D1 = Digest.sha256(new byte[] {1});
    static final Digest D2 = Digest.sha256(new byte[] {2});

    record Repo(String url, String commit, Optional<String> branch, @Nullable ArtifactRef snapshot) {
    }

    record TaskDefinedLike(String taskId, ContentRef prompt, String family, List<String> successCriteria,
            Optional<Repo> repository, @Nullable Map<String, String> environment) {
    }

    enum Outcome {
        SUCCESS, FAILURE;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record CompletedLike(String trajectoryId, Outcome outcome, List<String> criteriaMet, Optional<Duration> duration,
            @Nullable ContentRef finalDiff) {
    }

    record DeliveredLike(String datasetId, String exportId, String recipient, Instant delivered,
            Optional<String> channel) {
    }

    record RedactionLike(String trajectoryId, List<Digest> digests, String kind, String reason) {
    }

    record Blob(byte[] bytes, long size) {
    }

    /** Shaped as the domain's actor: a sealed interface whose members Jackson tells apart by "kind". */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(Actor.Operator.class), @JsonSubTypes.Type(Actor.Agent.class)})
    sealed interface Actor {
        @JsonTypeName("operator")
        record Operator(String operatorId) implements Actor {
        }

        @JsonTypeName("agent")
        record Agent(String agent, @Nullable String version) implements Actor {
        }
    }

    record StartedLike(String trajectoryId, String taskId, Actor actor, Optional<Instant> started) {
    }

    /** Shaped as the domain's StepsRecorded: steps kept as the JSON trees they arrived as. */
    record StepsLike(String trajectoryId, List<ObjectNode> steps) {
    }

    private static List<String> failures(String rule, CborValue payload) {
        return RuntapeSchemas.validator(rule).validate(payload).failures().stream().map(Failure::toString).toList();
    }

    private static TaskDefinedLike task() {
        return new TaskDefinedLike("task-1", new ContentRef(D1, null, 42L), "swe-bench", List.of("tests pass"),
                Optional.of(new Repo("https://example.org/repo.git", "abc123", Optional.empty(),
                        new ArtifactRef(D2, "application/x-tar", 1024, "snapshot.tar"))),
                Map.of("image", "python:3.12"));
    }

    @Test
    void aTaskDefinedRecordEncodesAsItsRuleDemands() {
        CborMap payload = PayloadCodec.encode(task());
        assertThat(failures("TaskDefined", payload)).isEmpty();
        assertThat(payload.get("task-id")).contains(CborTextString.of("task-1"));
        assertThat(payload.get("success-criteria")).contains(CborArray.of(CborTextString.of("tests pass")));
        assertThat(payload.get("prompt")).contains(CborMap.builder()
                .put("digest", new CborByteString(D1.bytes()))
                .put("size", CborInteger.of(42))
                .build());
        CborMap repository = (CborMap) payload.get("repository").orElseThrow();
        assertThat(repository.get("branch")).as("an empty Optional is left out").isEmpty();
        assertThat(((CborMap) repository.get("snapshot").orElseThrow()).get("media-type"))
                .contains(CborTextString.of("application/x-tar"));
    }

    @Test
    void nullAndEmptyMembersAreLeftOut() {
        TaskDefinedLike bare = new TaskDefinedLike("task-2", ContentRef.of(D1), "ui", List.of(), Optional.empty(), null);
        CborMap payload = PayloadCodec.encode(bare);
        assertThat(payload.entries().keySet()).containsExactlyInAnyOrder(CborTextString.of("task-id"),
                CborTextString.of("prompt"), CborTextString.of("family"), CborTextString.of("success-criteria"));
        assertThat(payload.get("prompt")).contains(CborMap.builder().put("digest", new CborByteString(D1.bytes())).build());
        assertThat(failures("TaskDefined", payload)).isEmpty();
    }

    @Test
    void timesAndDurationsAreWholeMilliseconds() {
        Instant delivered = Instant.parse("2026-03-04T05:06:07.089Z");
        CborMap payload = PayloadCodec.encode(new DeliveredLike("ds-1", "exp-1", "lab", delivered, Optional.of("sftp")));
        assertThat(payload.get("delivered")).contains(CborInteger.of(delivered.toEpochMilli()));
        assertThat(failures("ExportDelivered", payload)).isEmpty();

        CborMap completed = PayloadCodec.encode(new CompletedLike("traj-1", Outcome.SUCCESS, List.of("tests pass"),
                Optional.of(Duration.ofSeconds(90, 5_000_000)), ContentRef.of(D2)));
        assertThat(completed.get("duration")).contains(CborInteger.of(90_005));
        assertThat(completed.get("outcome")).contains(CborTextString.of("success"));
        assertThat(failures("TrajectoryCompleted", completed)).isEmpty();
    }

    @Test
    void digestsAreByteStringsInListsToo() {
        CborMap payload = PayloadCodec.encode(new RedactionLike("traj-1", List.of(D1, D2), "redact", "secret"));
        assertThat(payload.get("digests")).contains(CborArray.of(new CborByteString(D1.bytes()),
                new CborByteString(D2.bytes())));
        assertThat(failures("RedactionApplied", payload)).isEmpty();
    }

    @Test
    void bytesAreByteStrings() throws Exception {
        CborMap payload = PayloadCodec.encode(new Blob(new byte[] {0, 1, (byte) 0xff}, 3));
        assertThat(payload.get("bytes")).contains(new CborByteString(new byte[] {0, 1, (byte) 0xff}));
        assertThat(PayloadCodec.decode(payload, Blob.class).bytes()).containsExactly(0, 1, 0xff);
    }

    @Test
    void aRuleCatchesWhatACodedRecordLacks() {
        record NoFamily(String taskId, ContentRef prompt, List<String> successCriteria) {
        }
        assertThat(failures("TaskDefined", PayloadCodec.encode(new NoFamily("t", ContentRef.of(D1), List.of()))))
                .containsExactly("$: missing member family: tstr");
    }

    @Test
    void aPolymorphicMemberCarriesItsKind() throws Exception {
        StartedLike started = new StartedLike("traj-1", "task-1", new Actor.Agent("swe-agent", null),
                Optional.of(Instant.ofEpochMilli(1_000)));
        CborMap payload = PayloadCodec.encode(started);
        assertThat(payload.get("actor")).contains(CborMap.builder().put("kind", CborTextString.of("agent"))
                .put("agent", CborTextString.of("swe-agent")).build());
        assertThat(failures("TrajectoryStarted", payload)).isEmpty();
        assertThat(PayloadCodec.decode(payload, StartedLike.class)).isEqualTo(started);
        StartedLike byOperator = new StartedLike("traj-2", "task-1", new Actor.Operator("op-7"), Optional.empty());
        assertThat(failures("TrajectoryStarted", PayloadCodec.encode(byOperator))).isEmpty();
    }

    @Test
    void stepsKeptAsTreesPassThroughWithTheirBytesAndNulls() throws Exception {
        ObjectNode command = JsonNodeFactory.instance.objectNode()
                .put("kind", "command")
                .put("index", 0)
                .putNull("exit-code");
        command.putObject("command").put("digest", D1.bytes());
        CborMap payload = PayloadCodec.encode(new StepsLike("traj-1", List.of(command)));
        CborMap step = (CborMap) ((CborArray) payload.get("steps").orElseThrow()).get(0);
        assertThat(step.get("exit-code")).contains(CborSimple.NULL);
        assertThat(step.get("command")).contains(CborMap.builder().put("digest", new CborByteString(D1.bytes())).build());
        assertThat(failures("StepsRecorded", payload)).isEmpty();
        assertThat(PayloadCodec.decode(payload, StepsLike.class).steps()).containsExactly(command);
    }

    @Test
    void recordsReadBackAsTheyWere() throws Exception {
        assertThat(PayloadCodec.decode(PayloadCodec.encode(task()), TaskDefinedLike.class)).isEqualTo(task());
        CompletedLike completed = new CompletedLike("traj-1", Outcome.FAILURE, List.of(), Optional.empty(), null);
        assertThat(PayloadCodec.decode(PayloadCodec.encode(completed), CompletedLike.class)).isEqualTo(completed);
        DeliveredLike delivered = new DeliveredLike("d", "e", "r", Instant.ofEpochMilli(1_763_800_000_123L),
                Optional.empty());
        assertThat(PayloadCodec.decode(PayloadCodec.encode(delivered), DeliveredLike.class)).isEqualTo(delivered);
        RedactionLike redaction = new RedactionLike("t", List.of(D1), "erase", "pii");
        assertThat(PayloadCodec.decode(PayloadCodec.encode(redaction), RedactionLike.class)).isEqualTo(redaction);
    }

    @Test
    void theEncodingIsDeterministic() {
        assertThat(PayloadCodec.encode(task()).encode()).isEqualTo(PayloadCodec.encode(task()).encode());
    }

    @Test
    void readingRefusesAMemberTheRecordDoesNotHave() {
        CborMap payload = CborMap.builder().put("trajectory-id", CborTextString.of("t"))
                .put("digests", new CborArray(List.of())).put("kind", CborTextString.of("redact"))
                .put("reason", CborTextString.of("x")).put("extra", CborInteger.of(1)).build();
        assertThatThrownBy(() -> PayloadCodec.decode(payload, RedactionLike.class))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("payload: cannot read a RedactionLike: Unrecognized field \"extra\"");
    }

    @Test
    void readingRefusesTextWhereADigestOrATimeBelongs() {
        CborMap textDigest = CborMap.builder().put("trajectory-id", CborTextString.of("t"))
                .put("digests", CborArray.of(CborTextString.of(D1.hex()))).put("kind", CborTextString.of("redact"))
                .put("reason", CborTextString.of("x")).build();
        assertThatThrownBy(() -> PayloadCodec.decode(textDigest, RedactionLike.class))
                .isInstanceOf(FormatException.class).hasMessageContaining("Digest");
        CborMap textTime = CborMap.builder().put("dataset-id", CborTextString.of("d"))
                .put("export-id", CborTextString.of("e")).put("recipient", CborTextString.of("r"))
                .put("delivered", CborTextString.of("2026-01-01T00:00:00Z")).build();
        assertThatThrownBy(() -> PayloadCodec.decode(textTime, DeliveredLike.class))
                .isInstanceOf(FormatException.class).hasMessageContaining("Instant");
        CborMap shortDigest = CborMap.builder().put("trajectory-id", CborTextString.of("t"))
                .put("digests", CborArray.of(new CborByteString(new byte[31]))).put("kind", CborTextString.of("redact"))
                .put("reason", CborTextString.of("x")).build();
        assertThatThrownBy(() -> PayloadCodec.decode(shortDigest, RedactionLike.class))
                .isInstanceOf(FormatException.class).hasMessageContaining("found 31 bytes");
    }

    @Test
    void readingRefusesIntegerKeysAndTags() {
        assertThatThrownBy(() -> PayloadCodec.decode(CborMap.builder().put(1, CborTextString.of("x")).build(), Blob.class))
                .hasMessage("payload: map keys must be text, found 1");
        assertThatThrownBy(() -> PayloadCodec.decode(CborMap.builder()
                .put("bytes", new CborTag(24, new CborByteString(new byte[0]))).build(), Blob.class))
                .hasMessage("payload: tags are not allowed, found tag 24");
    }

    @Test
    void somethingThatIsNotAMapIsNoPayload() {
        assertThatThrownBy(() -> PayloadCodec.encode("just text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a payload must encode as a map; a java.lang.String encodes as STRING");
    }
}
