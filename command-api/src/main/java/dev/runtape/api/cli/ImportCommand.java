package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runtape import FILE...}: trajectory files of the formats teams already have, each uploaded to
 * {@code POST /imports} and imported as the caller, with a summary per file. A file with companions (a session's
 * subagents, a recording's metadata: {@link CompanionFiles}) goes up as a zip with them. A file imported before stores nothing
 * again. Files go one after another; a refused file is reported and the others still go.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports trajectory files (SWE-agent .traj, mini-swe-agent, Claude Code JSONL, ...) into a "
                + "running service, detecting each file's format unless --format names it.",
            "Prints per file: steps, commands, exit codes known, diffs, test runs, errors; with --json one JSON "
                    + "object per file. Exit 1 when any file was refused."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "the files' format, e.g. swe-agent-traj, mini-swe-agent, claude-code-jsonl")
    private @Nullable String format;

    @Option(names = "--json", description = "one JSON object per file instead of a line of text")
    private boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the files to import")
    private List<Path> files = List.of();

    @Override
    public Integer call() {
        RuntapeClient api = client.authenticated();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, files.size(), "files", ProgressBar.terminal() && !json);
        int refused = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] bytes = read(file);
            String name = String.valueOf(file.getFileName());
            String path = "/imports?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + (format == null ? "" : "&format=" + URLEncoder.encode(format, StandardCharsets.UTF_8));
            String type = "application/octet-stream";
            try {
                List<Path> companions = CompanionFiles.of(file);
                if (!companions.isEmpty()) {
                    bytes = CompanionFiles.zip(file, companions);
                    type = "application/zip";
                }
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the files beside " + file + ": " + e);
            }
            try {
                JsonNode summary = api.post(path, type, bytes).json();
                out.println(json ? line(file, summary) : text(file, summary));
            } catch (ClientException e) {
                refused++;
                err.println("runtape import: " + file + ": " + e.getMessage());
            }
            out.flush();
            progress.update(i + 1);
        }
        progress.finish();
        return refused == 0 ? 0 : 1;
    }

    /** The one JSON object per file, in its member names. */
    private static String line(Path file, JsonNode summary) {
        ObjectNode line = RuntapeClient.JSON.createObjectNode();
        line.put("file", file.toString());
        line.put("format", summary.path("format").asText());
        line.put("trajectoryId", summary.path("trajectory-id").asText());
        line.put("steps", summary.path("steps").asInt());
        line.put("commands", summary.path("commands").asInt());
        line.put("exitCodesKnown", summary.path("exit-codes-known").asInt());
        line.put("diffs", summary.path("diffs").asInt());
        line.put("testRuns", summary.path("test-runs").asInt());
        line.put("errors", summary.path("errors").asInt());
        line.put("eventsStored", summary.path("events-stored").asInt());
        return line.toString();
    }

    private static String text(Path file, JsonNode summary) {
        return String.format(Locale.ROOT, "%s: %s, trajectory %s: %d steps, %d commands (%d exit codes known), "
                        + "%d diffs, %d test runs, %d errors; %s", file, summary.path("format").asText(),
                summary.path("trajectory-id").asText(), summary.path("steps").asInt(),
                summary.path("commands").asInt(), summary.path("exit-codes-known").asInt(),
                summary.path("diffs").asInt(), summary.path("test-runs").asInt(), summary.path("errors").asInt(),
                summary.path("events-stored").asInt() == 0 ? "imported before, nothing stored"
                        : summary.path("events-stored").asInt() + " statements stored");
    }

    private byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e);
        }
    }
}
