package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code runtape append}: a trajectory's steps from a file or stdin, in batches, or a statement the producer signed
 * itself. Each batch's {@code Idempotency-Key} is derived from the trajectory and the batch's first step index, so
 * running the same script again stores nothing twice and resumes after a batch that failed.
 */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = {"Appends steps to a trajectory (--trajectory ID --steps FILE|-), in batches, or posts a "
                + "statement you signed yourself (--entry FILE, a COSE_Sign1).",
            "Steps are a JSON array or JSON lines (one step per line). Running it again is safe: each batch's "
                    + "Idempotency-Key is the trajectory and the batch's first step index."})
final class AppendCommand implements Callable<Integer> {

    private static final int MAX_BATCH = 1000;
    private static final int MAX_EVENT_ID = 128;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]+");

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Option(names = "--trajectory", paramLabel = "ID", description = "the trajectory the steps belong to")
    private @Nullable String trajectory;

    @Option(names = "--steps", paramLabel = "FILE", description = "the steps; - for stdin")
    private @Nullable String steps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "steps per request, 1 to " + MAX_BATCH + " (default: ${DEFAULT-VALUE})")
    private int batch = 100;

    @Option(names = "--entry", paramLabel = "FILE", description = "a signed statement (COSE_Sign1) to post; - for stdin")
    private @Nullable String entry;

    @Override
    public Integer call() {
        if (entry != null && (trajectory != null || steps != null)) {
            throw usage("give --entry FILE, or --trajectory ID with --steps FILE, not both");
        }
        try {
            if (entry != null) {
                return postEntry(read(entry));
            }
            if (trajectory == null || steps == null) {
                throw usage("give --trajectory ID with --steps FILE (or -), or --entry FILE");
            }
            if (batch < 1 || batch > MAX_BATCH) {
                throw usage("--batch is 1 to " + MAX_BATCH + ", not " + batch);
            }
            return appendSteps(trajectory, parse(read(steps)));
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
    }

    private int appendSteps(String trajectoryId, List<ObjectNode> all) throws ClientException {
        if (all.isEmpty()) {
            throw usage("no steps in " + steps);
        }
        RuntapeClient api = client.authenticated();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), all.size(), "steps",
                ProgressBar.terminal());
        String path = "/trajectories/" + trajectoryId + "/steps";
        JsonNode outcome = null;
        int batches = 0;
        for (int from = 0; from < all.size(); from += batch) {
            List<ObjectNode> slice = all.subList(from, Math.min(all.size(), from + batch));
            ObjectNode body = RuntapeClient.JSON.createObjectNode();
            body.putArray("steps").addAll(slice);
            try {
                outcome = api.postJson(path, body, Map.of("Idempotency-Key",
                        idempotencyKey(trajectoryId, firstIndex(slice.getFirst(), from)))).json();
            } catch (ClientException e) {
                progress.finish();
                throw new ClientException(e.getMessage() + " (after " + from + " of " + all.size()
                        + " steps; running the same command again resumes safely)", e.problemType());
            }
            batches++;
            progress.update(from + slice.size());
        }
        progress.finish();
        spec.commandLine().getOut().println("appended " + all.size() + " steps to " + outcome.path("stream").asText()
                + " in " + batches + (batches == 1 ? " batch" : " batches") + ", revision "
                + outcome.path("revision").asLong());
        return ExitCodes.OK;
    }

    /**
     * The key of a batch: the same steps of the same trajectory give the same key on every run, so a retry is answered
     * with the first outcome; other steps under it are an event-id-conflict, never a second append. It is readable
     * where an event id allows it (1 to 128 of letters, digits and {@code . _ : -}), else a digest of the same words.
     */
    static String idempotencyKey(String trajectoryId, long firstIndex) {
        String key = "append:trajectory:" + trajectoryId + ":steps:" + firstIndex;
        if (key.length() <= MAX_EVENT_ID && EVENT_ID.matcher(key).matches()) {
            return key;
        }
        return "append:" + Digest.sha256(key.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** The first step's own index (steps.cddl's {@code index}), else its place in the input. */
    private static long firstIndex(ObjectNode step, int place) {
        JsonNode index = step.path("index");
        return index.isIntegralNumber() ? index.asLong() : place;
    }

    private int postEntry(byte[] statement) throws ClientException {
        RuntapeClient.Answer answer = client.authenticated().post("/entries", "application/cose", statement);
        String location = answer.header("Location").orElseThrow(() -> new ClientException(
                "the server answered " + answer.status() + " without the entry's Location", (String) null));
        spec.commandLine().getOut().println(location.substring(location.lastIndexOf('/') + 1));
        spec.commandLine().getErr().println(answer.status() == 201 ? "the receipt is at " + location
                : "the receipt will be at " + location + " once a checkpoint covers the entry (202 until then)");
        return ExitCodes.OK;
    }

    private List<ObjectNode> parse(byte[] bytes) {
        try {
            return StepsInput.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw usage(steps + ": " + e.getMessage());
        }
    }

    private byte[] read(String file) {
        try {
            if (file.equals("-")) {
                InputStream in = System.in;
                return in.readAllBytes();
            }
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw usage("cannot read " + file + ": " + e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
