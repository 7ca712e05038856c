package dev.runtape.api.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code runtape keys register}: registers a producer's public key to its principal (admin). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Registers a producer's public key to the principal it signs for (needs an admin key). "
                + "Prints the kid."})
final class RegisterKeyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Option(names = "--principal", required = true, paramLabel = "P", description = "the producer's principal")
    private String principal;

    @Option(names = "--public-key", required = true, paramLabel = "FILE",
            description = "a JWK, a PEM public key, or a private key file (only its public half is sent)")
    private Path publicKey;

    @Option(names = "--valid-from", paramLabel = "TIME", converter = Times.class,
            description = "from when the key counts, e.g. 2025-06-01T00:00:00Z (default: now)")
    private @Nullable Instant validFrom;

    @Override
    public Integer call() {
        VerificationKey key;
        try {
            key = PublicKeyFiles.read(publicKey);
        } catch (IOException | FormatException e) {
            throw new ParameterException(spec.commandLine(), "cannot read a public key from " + publicKey + ": "
                    + e.getMessage());
        }
        ObjectNode body = RuntapeClient.JSON.createObjectNode().put("principal", principal);
        body.set("jwk", JwkCodec.encode(key));
        if (validFrom != null) {
            body.put("valid-from", validFrom.toString());
        }
        try {
            RuntapeClient.Answer answer = client.authenticated().postJson("/admin/producer-keys", body, Map.of());
            spec.commandLine().getOut().println(answer.json().path("kid").asText());
            return ExitCodes.OK;
        } catch (ClientException e) {
            return ExitCodes.failed(spec, e);
        }
    }
}
