package dev.runtape.api.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every client subcommand shares: which server, and the API key to call it with. The key may come from
 * a file or the environment instead of the command line, where other users of the machine could read it.
 */
final class ClientOptions {

    static final String API_KEY_VARIABLE = "RUNTAPE_API_KEY";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:RUNTAPE_SERVER:-http://localhost:8080}",
            description = "the Runtape service (default: ${DEFAULT-VALUE}; env RUNTAPE_SERVER)")
    private URI server = URI.create("http://localhost:8080");

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "the API key (rtk_...); else --api-key-file, else env " + API_KEY_VARIABLE)
    private @Nullable String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "a file holding the API key")
    private @Nullable Path apiKeyFile;

    /** A client that authenticates with the API key given. */
    RuntapeClient authenticated() {
        return new RuntapeClient(server, apiKey());
    }

    /** A client for public endpoints: with the API key if one was given, without otherwise. */
    RuntapeClient anonymous() {
        return new RuntapeClient(server, apiKey != null || apiKeyFile != null ? apiKey() : null);
    }

    private String apiKey() {
        if (apiKey != null && apiKeyFile != null) {
            throw usage("give --api-key or --api-key-file, not both");
        }
        if (apiKey != null) {
            return apiKey;
        }
        if (apiKeyFile != null) {
            try {
                String key = Files.readString(apiKeyFile).strip();
                if (key.isEmpty()) {
                    throw usage("the API key file " + apiKeyFile + " is empty");
                }
                return key;
            } catch (IOException e) {
                throw usage("cannot read the API key file " + apiKeyFile + ": " + e);
            }
        }
        String variable = System.getenv(API_KEY_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return variable.strip();
        }
        throw usage("an API key is needed: give --api-key KEY, --api-key-file FILE or set " + API_KEY_VARIABLE);
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
