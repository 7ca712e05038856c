package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.bench.BenchReport;
import dev.runtape.api.bench.HttpBench;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runtape bench http}: a loopback load of the HTTP API beside the same load sent straight to the ledger, in
 * one run. Exit 0 when the run completes (whatever the figures), 1 when an append fails, 2 on a usage error.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Appends steps through the HTTP API with N concurrent clients, and the same load straight to "
                + "the ledger, and prints both rates, their ratio and latency percentiles.",
            "Without --server the HTTP load goes to a service this command starts under --data."})
final class BenchHttpCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "64",
            description = "concurrent clients (default: ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--batch", paramLabel = "STEPS", split = ",", defaultValue = "1,100",
            description = "steps per append, one load for each (default: ${DEFAULT-VALUE})")
    private List<Integer> batches;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "unmeasured time before each load (ISO-8601, default: ${DEFAULT-VALUE})")
    private Duration warmup;

    @Option(names = "--time", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "measured time of each load (ISO-8601, default: ${DEFAULT-VALUE})")
    private Duration time;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory of the service the ledger load runs on (default: a new temporary one)")
    private @Nullable Path data;

    @Option(names = "--server", paramLabel = "URL", description = "send the HTTP load to this service instead")
    private @Nullable URI server;

    @Option(names = "--api-key", paramLabel = "KEY", description = "a producer's API key for --server")
    private @Nullable String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "a file holding the API key for --server")
    private @Nullable Path apiKeyFile;

    @Option(names = "--json", description = "print one JSON object of the figures instead of a table")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine line = spec.commandLine();
        HttpBench bench;
        try {
            bench = new HttpBench(clients, batches, warmup, time);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(line, e.getMessage());
        }
        String key = apiKey;
        if (apiKeyFile != null) {
            key = Files.readString(apiKeyFile).trim();
        }
        if (server != null && key == null) {
            throw new CommandLine.ParameterException(line, "--server needs --api-key or --api-key-file");
        }
        Path directory = data != null ? data : Files.createTempDirectory("runtape-bench");
        PrintWriter out = line.getOut();
        PrintWriter progress = line.getErr();
        BenchReport report;
        try {
            report = bench.run(directory, server, key, progress);
        } catch (IllegalStateException e) {
            progress.println("runtape bench http: " + e.getMessage());
            return 1;
        }
        if (json) {
            report.printJson(out, new ObjectMapper());
        } else {
            report.printTable(out);
        }
        return 0;
    }
}
