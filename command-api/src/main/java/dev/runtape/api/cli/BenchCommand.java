package dev.runtape.api.cli;

import dev.runtape.ledger.bench.AppendBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runtape bench}: the benchmarks that ship with the service. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures Runtape on this machine.",
        subcommands = {AppendBenchmark.class, BenchHttpCommand.class,
            CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: runtape bench append, or runtape bench http");
    }
}
