package dev.runtape.verifier.cli;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.BundleVerifier;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.cose.CoseSign1;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runtape-verify bundle}: everything in an export bundle, offline. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Verifies an export bundle: every statement's signature (by a key valid at its time), every "
                + "stream chain, every disclosure and artifact against its digest, every receipt against the "
                + "checkpoint, the checkpoint's signature, consistency with a trusted checkpoint, that the manifest "
                + "lists exactly what the bundle holds, and every statement against its schema.")
final class BundleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle file")
    private Path bundle;

    @Option(names = "--trusted-checkpoint", paramLabel = "FILE",
            description = "a signed checkpoint you already trust: the bundle's must extend it")
    private Path trustedCheckpoint;

    @Option(names = "--require-seal", description = "fail a bundle that carries no seal (the ledger's ExportSealed "
            + "statement covering the manifest); without it the seal check is skipped for such a bundle")
    private boolean requireSeal;

    @Option(names = "--json", description = "print the full report as JSON")
    private boolean json;

    @Option(names = "--fast", description = "checkpoint signatures, chains, digests and proofs only: "
            + "no per-statement signature or schema check (nor a disclosure's shape)")
    private boolean fast;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for the checks of each entry (default: every core)")
    private Integer threads;

    @Override
    public Integer call() {
        BundleVerifier.Options options;
        try {
            options = options();
        } catch (InputException e) {
            spec.commandLine().getErr().println("runtape-verify: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
        BundleReport report;
        try {
            report = BundleVerifier.verify(bundle, options);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("runtape-verify: bundle " + bundle + " does not exist");
            return ExitCodes.USAGE_OR_INPUT;
        } catch (IOException e) {
            spec.commandLine().getErr().println("runtape-verify: cannot read bundle " + bundle + ": " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        } catch (OutOfMemoryError e) {
            // Not a verdict on the bundle: the JVM was given too little heap for its manifest's index.
            spec.commandLine().getErr().println("runtape-verify: out of memory verifying bundle " + bundle
                    + "; run java with a larger -Xmx (up to 64 bytes per listed digest, plus 64 MiB)");
            return ExitCodes.USAGE_OR_INPUT;
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(BundleReportJson.render(report));
        } else {
            BundleReportText.render(report).forEach(out::println);
        }
        out.flush();
        return report.valid() ? ExitCodes.VALID : ExitCodes.INVALID;
    }

    private BundleVerifier.Options options() throws InputException {
        if (!Files.isRegularFile(bundle)) {
            throw new InputException("bundle " + bundle + (Files.exists(bundle) ? " is not a file" : " does not exist"));
        }
        if (threads != null && threads < 1) {
            throw new InputException("--threads must be at least 1, got " + threads);
        }
        Optional<CoseSign1> trusted = Optional.empty();
        if (trustedCheckpoint != null) {
            byte[] bytes = InputFiles.read(trustedCheckpoint, "trusted checkpoint");
            try {
                CoseSign1 checkpoint = CoseSign1.decode(bytes);
                Checkpoint.decode(checkpoint.payload().orElseThrow(() ->
                        new FormatException("checkpoint: the payload must be attached")));
                trusted = Optional.of(checkpoint);
            } catch (FormatException e) {
                throw new InputException("trusted checkpoint " + trustedCheckpoint + ": " + e.getMessage(), e);
            }
        }
        return new BundleVerifier.Options(fast, trusted,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), requireSeal);
    }
}
