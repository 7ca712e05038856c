package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runtape export DATASET --out FILE}: seals an export of a dataset version for a recipient and downloads its
 * bundle ({@code POST /datasets/{id}/bundles}), which {@code runtape-verify bundle} checks offline.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Seals an export of a dataset version and writes its bundle to --out, with progress.",
            "Verify it offline with: runtape-verify bundle FILE [--trusted-checkpoint CHECKPOINT]"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Parameters(index = "0", paramLabel = "DATASET", description = "the dataset version's id")
    private String dataset;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the bundle")
    private Path out;

    @Option(names = "--export-id", paramLabel = "ID", description = "the export's id (default: DATASET-export-TIME)")
    private @Nullable String exportId;

    @Option(names = "--recipient", required = true, paramLabel = "NAME", description = "who receives the export")
    private String recipient;

    @Option(names = "--purpose", paramLabel = "USE", description = "what it may be used for, e.g. training")
    private @Nullable String purpose;

    @Option(names = "--since", paramLabel = "SIZE",
            description = "the tree size of a checkpoint the recipient trusts: the bundle proves it extends it")
    private @Nullable Long since;

    @Option(names = "--artifacts", description = "include the artifacts' bytes, not only their digests")
    private boolean artifacts;

    @Option(names = "--training", paramLabel = "DIR",
            description = "also write the training-ready JSON lines: DIR/train.jsonl and DIR/eval.jsonl")
    private @Nullable Path training;

    @Option(names = "--training-form", paramLabel = "FORM", defaultValue = "vac",
            description = "vac (one Verifiable Agent Conversation record per line, the default) or chat")
    private String trainingForm = "vac";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            err.println("runtape export: --out " + out + ": no such directory");
            return ExitCodes.USAGE_OR_INPUT;
        }
        String id = exportId != null ? exportId : dataset + "-export-" + System.currentTimeMillis();
        ObjectNode body = RuntapeClient.JSON.createObjectNode().put("export-id", id).put("recipient", recipient);
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        if (since != null) {
            body.put("since", since);
        }
        body.put("artifacts", artifacts);
        boolean shown = ProgressBar.terminal();
        ProgressBar[] bar = {null};
        try {
            client.authenticated().download("/datasets/" + dataset + "/bundles", body, out, (received, length) -> {
                if (bar[0] == null) {
                    bar[0] = new ProgressBar(err, Math.max(length, 0), "bytes", shown && length > 0);
                }
                bar[0].update(received);
            });
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
        if (bar[0] != null) {
            bar[0].finish();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (training != null) {
            try {
                Files.createDirectories(training);
                for (String split : new String[] {"train", "eval"}) {
                    byte[] lines = client.authenticated().get("/datasets/" + dataset + "/training?split=" + split
                            + "&form=" + trainingForm, "application/x-ndjson").body();
                    Files.write(training.resolve(split + ".jsonl"), lines);
                }
            } catch (ClientException e) {
                return ExitCodes.failed(spec, e);
            } catch (IOException e) {
                err.println("runtape export: --training " + training + ": " + e.getMessage());
                return ExitCodes.USAGE_OR_INPUT;
            }
        }
        try {
            stdout.println("exported " + dataset + " as " + id + " to " + recipient + ": " + out + " ("
                    + Files.size(out) + " bytes)");
        } catch (IOException e) {
            stdout.println("exported " + dataset + " as " + id + " to " + recipient + ": " + out);
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
