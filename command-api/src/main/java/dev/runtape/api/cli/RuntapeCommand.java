package dev.runtape.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runtape}: the service and the command line that talks to it. */
@Command(name = "runtape", mixinStandardHelpOptions = true, versionProvider = RuntapeVersion.class,
        description = "Runtape: a signed, hash-chained ledger of agent and operator trajectories.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the server refused the request or could not be reached",
            "2:a usage error or an input that cannot be read"},
        subcommands = {ServeCommand.class, KeysCommand.class, AppendCommand.class, ImportCommand.class,
            TailCommand.class, ExportCommand.class, BenchCommand.class, MigrateCommand.class,
            CommandLine.HelpCommand.class})
public final class RuntapeCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = new CommandLine(new RuntapeCommand()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. runtape serve");
    }
}
