package dev.runtape.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportResult;
import dev.runtape.ledger.importer.ImportSummary;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ProducerForTests;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * The {@code runtape} client subcommands, run in-process against the running service over real HTTP: exit statuses,
 * what they print, and what the server holds afterwards.
 */
class CommandLineTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    @Autowired
    private LedgerNode node;

    @Autowired
    private ApiKeys apiKeys;

    /** What one run printed and answered. */
    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs {@code runtape COMMAND... --server URL [--api-key KEY] ARGS...} with the admin's key. */
    private Run runtape(String... args) {
        return runWith(List.of("--server", server(), "--api-key", adminKey()), args);
    }

    private Run runWith(List<String> clientOptions, String... args) {
        // The client options belong to the subcommand: put them after its names (the leading words).
        List<String> line = new ArrayList<>();
        int names = 0;
        while (names < args.length && !args[names].startsWith("-") && isSubcommand(line, args[names])) {
            line.add(args[names++]);
        }
        line.addAll(clientOptions);
        line.addAll(Arrays.asList(args).subList(names, args.length));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new RuntapeCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(line.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static boolean isSubcommand(List<String> path, String word) {
        CommandLine current = new CommandLine(new RuntapeCommand());
        for (String name : path) {
            current = current.getSubcommands().get(name);
        }
        return current.getSubcommands().containsKey(word);
    }

    private String server() {
        return "http://localhost:" + port;
    }

    private void startTrajectory(String trajectory) {
        String task = trajectory + "-task";
        assertThat(admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Make the failing test pass", "family": "cli"}""".formatted(task))
                .status()).isEqualTo(201);
        assertThat(admin().postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "cli-agent"}}"""
                .formatted(trajectory, task)).status()).isEqualTo(201);
    }

    private static String steps(int count) {
        return IntStream.range(0, count).mapToObj(i -> """
                {"kind": "reasoning", "index": %d, "content": "step %d"}""".formatted(i, i).strip())
                .collect(Collectors.joining("\n"));
    }

    private JsonNode stream(String stream) {
        Answer answer = admin().get("/streams/" + stream + "?limit=1000");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void appendPostsStepsInBatchesAndRunningItAgainStoresNothingTwice() throws IOException {
        startTrajectory("cli-append");
        Path lines = Files.writeString(files.resolve("steps.jsonl"), steps(5) + "\n");

        Run first = runtape("append", "--trajectory", "cli-append", "--steps", lines.toString(), "--batch", "2");

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("appended 5 steps to trajectory/cli-append in 3 batches, revision 3\n");
        assertThat(stream("trajectory/cli-append").get("revision").asLong()).isEqualTo(3);

        // The same steps as one JSON array: the same batches, so the same keys, answered with the first outcomes.
        Path array = Files.writeString(files.resolve("steps.json"), "[" + steps(5).replace("\n", ",\n") + "]");
        Run again = runtape("append", "--trajectory", "cli-append", "--steps", array.toString(), "--batch", "2");

        assertThat(again.exit()).as(again.toString()).isZero();
        JsonNode stored = stream("trajectory/cli-append");
        assertThat(stored.get("revision").asLong()).isEqualTo(3);
        assertThat(stored.get("statements")).extracting(s -> s.get("event-id").asText()).containsExactly(
                stored.get("statements").get(0).get("event-id").asText(),
                "append:trajectory:cli-append:steps:0", "append:trajectory:cli-append:steps:2",
                "append:trajectory:cli-append:steps:4");
    }

    @Test
    void otherStepsUnderABatchesKeyAreRefusedNotAppended() throws IOException {
        startTrajectory("cli-conflict");
        Path steps = Files.writeString(files.resolve("steps.jsonl"), steps(2));
        assertThat(runtape("append", "--trajectory", "cli-conflict", "--steps", steps.toString()).exit()).isZero();
        Path changed = Files.writeString(files.resolve("changed.jsonl"), steps(2).replace("step 1", "other"));

        Run run = runtape("append", "--trajectory", "cli-conflict", "--steps", changed.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("runtape: The event id is already used for something else: ")
                .contains("(after 0 of 2 steps");
        assertThat(stream("trajectory/cli-conflict").get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsOneLineWithTheProblemsTitleAndDetailAndExitOne() throws IOException {
        Path steps = Files.writeString(files.resolve("steps.jsonl"), steps(1));

        Run badKey = runWith(List.of("--server", server(), "--api-key", "rtk_nope_nope"), "append",
                "--trajectory", "cli-bad-key", "--steps", steps.toString());

        assertThat(badKey.exit()).isEqualTo(1);
        assertThat(badKey.err()).startsWith("runtape: No valid credentials: ").doesNotContain("{").hasLineCount(1);
        assertThat(badKey.out()).isEmpty();

        Run missing = runtape("tail", "trajectory/cli-no-such-trajectory");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("runtape: No such resource: no stream trajectory/cli-no-such-trajectory\n");
    }

    @Test
    void anUnreachableServerIsExitOne() throws IOException {
        Path steps = Files.writeString(files.resolve("steps.jsonl"), steps(1));

        Run run = runWith(List.of("--server", "http://localhost:1", "--api-key", "rtk_a_b"), "append",
                "--trajectory", "t", "--steps", steps.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("runtape: cannot reach http://localhost:1");
    }

    @Test
    void usageErrorsAreExitTwo() throws IOException {
        assertThat(runWith(List.of(), "keys", "generate").exit()).isEqualTo(2);
        assertThat(runWith(List.of(), "keys", "generate").err()).contains("Missing required option: '--out=FILE'");
        assertThat(runtape("append", "--steps", "x.json").exit()).isEqualTo(2);
        assertThat(runtape("append", "--trajectory", "t", "--steps", files.resolve("none").toString()).err())
                .contains("cannot read");
        Path notSteps = Files.writeString(files.resolve("bad.jsonl"), "{\"index\": 0}\n[1]\n");
        Run bad = runtape("append", "--trajectory", "t", "--steps", notSteps.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("line 2 is not a step");
        assertThat(runtape("keys", "revoke", "ab".repeat(32), "--at", "yesterday").exit()).isEqualTo(2);
        assertThat(runtape("tail", "no-slash").exit()).isEqualTo(2);
        assertThat(runWith(List.of("--server", server()), "tail", "task/t").err()).contains("an API key is needed");
        assertThat(runWith(List.of(), "keys").exit()).isEqualTo(2);
        assertThat(runtape("keys", "list", "--help").exit()).isZero();
    }

    @Test
    void helpListsTheSubcommandsAndTheExitStatuses() {
        Run help = runWith(List.of(), "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve", "keys", "append", "tail", "Exit status:",
                "1   the server refused the request or could not be reached");
    }

    @Test
    void tailPrintsOneJsonLinePerStatement() throws IOException {
        startTrajectory("cli-tail");
        Path steps = Files.writeString(files.resolve("steps.jsonl"), steps(3));
        assertThat(runtape("append", "--trajectory", "cli-tail", "--steps", steps.toString(), "--batch", "1").exit())
                .isZero();

        Run all = runtape("tail", "trajectory/cli-tail");
        Run later = runtape("tail", "trajectory/cli-tail", "--from", "2");

        assertThat(all.exit()).as(all.toString()).isZero();
        List<JsonNode> lines = all.lines().stream().map(CommandLineTest::json).toList();
        assertThat(lines).extracting(line -> line.get("revision").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(lines).extracting(line -> line.get("event-type").asText()).containsExactly("TrajectoryStarted",
                "StepsRecorded", "StepsRecorded", "StepsRecorded");
        JsonNode stored = stream("trajectory/cli-tail").get("statements").get(1);
        assertThat(lines.get(1).get("digest").asText()).isEqualTo(stored.get("digest").asText());
        assertThat(lines.get(1).get("position").asLong()).isEqualTo(stored.get("position").asLong());
        assertThat(lines.get(1).get("event-id").asText()).isEqualTo("append:trajectory:cli-tail:steps:0");
        assertThat(lines.get(1).properties()).extracting(Map.Entry::getKey)
                .containsExactly("revision", "position", "event-type", "event-id", "digest");
        assertThat(later.lines()).hasSize(2);
    }

    @Test
    void tailFollowPrintsNewStatementsUntilInterrupted() throws Exception {
        startTrajectory("cli-follow");
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new RuntapeCommand());
        commandLine.setOut(new PrintWriter(out, true));
        int[] exit = {-1};
        Thread follower = new Thread(() -> exit[0] = commandLine.execute("tail", "--server", server(), "--api-key",
                adminKey(), "trajectory/cli-follow", "--follow", "--interval", "PT0.05S"));
        follower.start();
        awaitLines(out, 1);
        Path steps = Files.writeString(files.resolve("steps.jsonl"), steps(1));
        assertThat(runtape("append", "--trajectory", "cli-follow", "--steps", steps.toString()).exit()).isZero();
        awaitLines(out, 2);
        follower.interrupt();
        follower.join(5000);

        assertThat(exit[0]).isZero();
        assertThat(out.toString().lines()).hasSize(2);
    }

    private static void awaitLines(StringWriter out, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.toString().lines().count() < count) {
            assertThat(System.nanoTime()).as("%d lines within 10 s: %s", count, out).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void keysGenerateWritesAnOwnerOnlyPrivateKeyAndItsJwkThatRegisterAndRevokeTake() throws Exception {
        Path key = files.resolve("producer.pem");

        Run generated = runWith(List.of(), "keys", "generate", "--out", key.toString(), "--algorithm", "ES256");

        assertThat(generated.exit()).as(generated.toString()).isZero();
        String kid = generated.out().strip();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyFiles.read(key).verificationKey().thumbprint().hex()).isEqualTo(kid);
        assertThat(json(Files.readString(files.resolve("producer.pem.jwk"))).get("crv").asText()).isEqualTo("P-256");
        assertThat(runWith(List.of(), "keys", "generate", "--out", key.toString()).exit()).as("never overwritten")
                .isEqualTo(1);

        Run registered = runtape("keys", "register", "--principal", "cli-producer", "--public-key",
                files.resolve("producer.pem.jwk").toString());
        assertThat(registered.exit()).as(registered.toString()).isZero();
        assertThat(registered.out().strip()).isEqualTo(kid);
        assertThat(runtape("keys", "register", "--principal", "cli-producer", "--public-key", key.toString()).err())
                .startsWith("runtape: The key is registered already");

        assertThat(row(runtape("keys", "list"), kid)).startsWith("producer").contains("ES256", "cli-producer")
                .endsWith("-");
        Run revoked = runtape("keys", "revoke", kid, "--at", "2030-01-01T00:00:00Z");
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(row(runtape("keys", "list"), kid)).endsWith("2030-01-01T00:00:00Z");
        assertThat(node.producers().find(Digest.ofHex(kid)).orElseThrow().revokedAt())
                .isPresent();

        Run json = runWith(List.of("--server", server()), "keys", "list", "--json");
        assertThat(json.exit()).isZero();
        assertThat(json(json.out()).get("producer-keys").get("keys")).isNotEmpty();
    }

    @Test
    void aKeyNoneHasIsNotFound() {
        Run run = runtape("keys", "revoke", "cd".repeat(32));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("runtape: No such resource: no ledger or producer key has kid "
                + "cd".repeat(32) + "\n");
    }

    @Test
    void rotationMakesANewLedgerKeyThatSignsWhileTheOldOneStillVerifies() throws IOException {
        String before = node.keys().primaryRecord().kid().hex();

        Run rotated = runtape("keys", "rotate");

        assertThat(rotated.exit()).as(rotated.toString()).isZero();
        String kid = rotated.out().strip();
        assertThat(kid).isNotEqualTo(before).isEqualTo(node.keys().primaryRecord().kid().hex());
        Run list = runtape("keys", "list");
        assertThat(row(list, kid)).startsWith("ledger");
        assertThat(row(list, before)).startsWith("ledger").endsWith("-");

        Run primary = runtape("keys", "revoke", kid);
        assertThat(primary.exit()).isEqualTo(1);
        assertThat(primary.err()).startsWith("runtape: The key still signs for the ledger");

        // Statements are signed with the new key at once.
        startTrajectory("cli-rotated");
        Run tail = runtape("tail", "trajectory/cli-rotated");
        assertThat(tail.exit()).isZero();
    }

    @Test
    void importUploadsEachFileAndPrintsOneJsonObjectPerFileAndARefusedFileIsExitOne(@TempDir Path scratch)
            throws IOException {
        Path samples = Path.of("..", "..", "shared", "samples");
        Path mini = samples.resolve("mini-swe-agent/github_issue.traj.json");
        Path swe = samples.resolve("swe-agent/ctf-pwn-warmup.traj");
        Path notes = Files.writeString(scratch.resolve("notes.txt"), "not a trajectory");

        Run run = runtape("import", "--json", mini.toString(), notes.toString(), swe.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("format").asText())
                .containsExactly("mini-swe-agent", "swe-agent-traj");
        assertThat(lines.getFirst().fieldNames()).toIterable().containsExactly("file", "format", "trajectoryId",
                "steps", "commands", "exitCodesKnown", "diffs", "testRuns", "errors", "eventsStored");
        assertThat(lines).allSatisfy(line -> assertThat(line.get("eventsStored").asInt()).isPositive());
        assertThat(run.err()).contains("runtape import: " + notes + ": ");

        Run again = runtape("import", mini.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("mini-swe-agent").contains("imported before, nothing stored");
    }

    @Test
    void aFileWithCompanionsGoesUpWithThemAndImportsWhole() throws Exception {
        Path samples = Path.of("..", "..", "shared", "samples");
        Path session = samples.resolve("claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl");
        Path recording = samples.resolve("human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl");
        ImportSummary sessionHere = local(session);
        ImportSummary recordingHere = local(recording);

        Run run = runtape("import", "--json", session.toString(), recording.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines.get(0).get("steps").asInt()).as("the session with its two subagents")
                .isEqualTo(sessionHere.steps());
        assertThat(lines.get(1).get("format").asText()).isEqualTo("opencua-agentnet-events");
        assertThat(lines.get(1).get("steps").asInt()).as("with the metadata, windows and elements beside it")
                .isEqualTo(recordingHere.steps());
    }

    /** What importing the file here, where its companions are, brings in. */
    private static ImportSummary local(Path file) throws Exception {
        ImportedTrajectory trajectory = ImportFormats.detector().read(SourceFile.read(file), null);
        return ImportSummary.of(file.toString(), trajectory, new ImportResult(trajectory.trajectoryId(),
                trajectory.taskId(), 0, 0, List.of()));
    }

    @Test
    void anEntryIsPostedAndItsIdPrinted() throws IOException {
        ProducerForTests producer = new ProducerForTests("cli-signer", "default").registeredBy(admin());
        startTrajectory("cli-entry-base");
        byte[] statement = producer.startTrajectory("cli-entry", "cli-entry-base-task", "cli-entry-started");
        Path file = Files.write(files.resolve("statement.cbor"), statement);
        String signerKey = apiKeyFor("cli-signer");

        Run run = runWith(List.of("--server", server(), "--api-key", signerKey), "append", "--entry",
                file.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        long entry = Long.parseLong(run.out().strip());
        assertThat(stream("trajectory/cli-entry").get("statements").get(0).get("position").asLong())
                .isEqualTo(entry);
        assertThat(run.err()).contains("/entries/" + entry);
    }

    private String apiKeyFor(String principal) {
        return apiKeys.issue(principal, "default", Set.of(Role.PRODUCER)).key();
    }

    /** The line of a key table that lists {@code kid}. */
    private static String row(Run list, String kid) {
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.lines().getFirst()).startsWith("OWNER").contains("KID", "REVOKED-AT");
        return list.lines().stream().filter(line -> line.contains(kid)).findFirst().orElseThrow(() ->
                new AssertionError("no row for " + kid + " in\n" + list.out()));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
