package dev.runtape.schemas.cddl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runtape-cddl}: compile CDDL schemas and validate JSON or CBOR instances against them. */
@Command(name = "runtape-cddl",
        mixinStandardHelpOptions = true,
        versionProvider = RuntapeCddl.Version.class,
        description = "Checks CDDL (RFC 8610) schemas and validates JSON or CBOR files against them.%n"
                + "Exit status: 0 all valid, 1 an instance is not valid, 2 usage or schema error.",
        subcommands = {CheckCommand.class, ValidateCommand.class})
public final class RuntapeCddl implements Runnable {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE_OR_SCHEMA = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RuntapeCddl())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> USAGE_OR_SCHEMA)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("runtape-cddl: internal error: " + e);
                    return USAGE_OR_SCHEMA;
                });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_SCHEMA);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check or validate");
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RuntapeCddl.class.getPackage().getImplementationVersion();
            return new String[] {"runtape-cddl " + (version == null ? "development" : version)};
        }
    }
}
