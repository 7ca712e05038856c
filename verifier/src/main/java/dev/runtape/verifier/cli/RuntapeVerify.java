package dev.runtape.verifier.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runtape-verify}: verifies Runtape records offline, with no server and no database. */
@Command(name = "runtape-verify",
        mixinStandardHelpOptions = true,
        versionProvider = RuntapeVerify.Version.class,
        description = "Verifies Runtape records offline: signatures, receipts, proofs and export bundles.%n"
                + "Exit status: 0 valid, 1 not valid (the reason on one line), 2 usage or input error.",
        subcommands = {StatementCommand.class, ReceiptCommand.class, BundleCommand.class})
public final class RuntapeVerify implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RuntapeVerify())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> ExitCodes.USAGE_OR_INPUT)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("runtape-verify: internal error: " + e);
                    return ExitCodes.USAGE_OR_INPUT;
                });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE_OR_INPUT);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a check: statement, receipt or bundle");
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RuntapeVerify.class.getPackage().getImplementationVersion();
            return new String[] {"runtape-verify " + (version == null ? "development" : version)};
        }
    }
}
