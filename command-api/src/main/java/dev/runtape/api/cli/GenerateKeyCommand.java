package dev.runtape.api.cli;

import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runtape keys generate}: a producer's key pair, made here and never sent anywhere: the private key as
 * PKCS#8 PEM readable by its owner only, the public key as a JWK beside it ({@code FILE.jwk}), to register.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates a producer key pair locally (no server): FILE holds the private key (PKCS#8 PEM, "
                + "owner only), FILE.jwk the public key to register. Prints the kid."})
final class GenerateKeyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the private key file to write")
    private Path out;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
            converter = KeyAlgorithm.Converter.class, description = "ed25519 (the default) or es256")
    private KeyAlgorithm algorithm = KeyAlgorithm.ED25519;

    @Override
    public Integer call() {
        Path jwkFile = out.resolveSibling(out.getFileName() + ".jwk");
        if (Files.exists(out) || Files.exists(jwkFile)) {
            return ExitCodes.failed(spec, new ClientException((Files.exists(out) ? out : jwkFile)
                    + " exists already: key files are never overwritten", (String) null));
        }
        SigningKey key = algorithm.generate(new SecureRandom());
        try {
            KeyFiles.writePkcs8Pem(key, out);
            Files.writeString(jwkFile, JwkCodec.encode(key.verificationKey()).toPrettyString() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (KeyFileException | FileAlreadyExistsException e) {
            return ExitCodes.failed(spec, new ClientException(e.getMessage(), e));
        } catch (IOException e) {
            return ExitCodes.failed(spec, new ClientException("cannot write " + jwkFile + ": " + e, e));
        }
        spec.commandLine().getOut().println(key.verificationKey().thumbprint().hex());
        spec.commandLine().getErr().println("wrote the private key to " + out + " (owner only) and the public key to "
                + jwkFile);
        return ExitCodes.OK;
    }
}
