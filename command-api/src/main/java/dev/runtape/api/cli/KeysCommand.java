package dev.runtape.api.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runtape keys}: producer key pairs made locally, and the keys of a running service. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Producer keys and the ledger's signing keys.",
        subcommands = {GenerateKeyCommand.class, RegisterKeyCommand.class, ListKeysCommand.class,
            RotateKeyCommand.class, RevokeKeyCommand.class})
final class KeysCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: generate, register, list, rotate or revoke");
    }
}
