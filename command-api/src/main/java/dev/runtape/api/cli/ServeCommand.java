package dev.runtape.api.cli;

import dev.runtape.api.server.RuntapeApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code runtape serve}: starts the service on its embedded defaults under a data directory. Any other
 * {@code --name=value} is a Spring Boot property, e.g. {@code --runtape.store.kind=postgres}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the Runtape service (SQLite log, local content store) under a data directory.",
            "Other --name=value flags are Spring Boot settings, e.g. --runtape.store.kind=postgres "
                    + "--runtape.store.postgres.url=jdbc:postgresql://db/runtape"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "the data directory (default: ./data)")
    private @Nullable Path data;

    @Option(names = "--port", paramLabel = "PORT", description = "the HTTP port (default: 8080; 0 for any free one)")
    private @Nullable Integer port;

    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>(springArguments);
        if (data != null) {
            arguments.add("--runtape.data=" + data);
        }
        if (port != null) {
            arguments.add("--server.port=" + port);
        }
        SpringApplication.run(RuntapeApplication.class, arguments.toArray(String[]::new));
        return 0;
    }
}
