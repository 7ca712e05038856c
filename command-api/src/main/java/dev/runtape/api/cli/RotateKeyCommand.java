package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runtape keys rotate}: the server makes a new signing key for the ledger, which signs statements from now
 * on; the old keys stay valid for what they signed.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotates the ledger's signing key on the server (needs an admin key). Prints the new kid.",
            "Statements, checkpoints and receipts are signed with the new key at once; other nodes sharing the ledger "
                    + "take it on at their next refresh."})
final class RotateKeyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
            converter = KeyAlgorithm.Converter.class, description = "ed25519 (the default) or es256")
    private KeyAlgorithm algorithm = KeyAlgorithm.ED25519;

    @Override
    public Integer call() {
        ObjectNode body = RuntapeClient.JSON.createObjectNode().put("algorithm", algorithm.apiName());
        try {
            JsonNode key = client.authenticated().postJson("/admin/ledger-keys/rotation", body, Map.of()).json();
            spec.commandLine().getOut().println(key.path("kid").asText());
            return ExitCodes.OK;
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
    }
}
