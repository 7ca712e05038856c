package dev.runtape.verifier.cli;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runtape-verify statement}: one COSE_Sign1 against a public key. */
@Command(name = "statement", mixinStandardHelpOptions = true,
        description = "Verifies one COSE_Sign1 (tagged or not) and prints its protected header.")
final class StatementCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the COSE_Sign1, as CBOR bytes")
    private Path statement;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE",
            description = "public key: COSE_Key or COSE_KeySet (CBOR), JWK or JWK Set (JSON), or PEM")
    private Path keyFile;

    @Option(names = "--payload", paramLabel = "FILE", description = "the payload, when the statement leaves it detached")
    private Path payloadFile;

    @Override
    public Integer call() {
        KeySet keys;
        byte[] bytes;
        Optional<byte[]> detached;
        try {
            keys = KeyFiles.read(keyFile);
            bytes = InputFiles.read(statement, "statement");
            detached = payloadFile == null ? Optional.empty() : Optional.of(InputFiles.read(payloadFile, "payload"));
        } catch (InputException e) {
            spec.commandLine().getErr().println("runtape-verify: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
        try {
            CoseSign1 message = CoseSign1.decode(bytes);
            VerificationKey key = KeyFiles.choose(keys, message.kid(), "statement");
            Sign1Verifier.verify(message, key, new byte[0], detached);
            print(message, key, detached);
            return ExitCodes.VALID;
        } catch (FormatException | VerificationException e) {
            spec.commandLine().getOut().println("invalid: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private void print(CoseSign1 message, VerificationKey key, Optional<byte[]> detached) {
        var out = spec.commandLine().getOut();
        out.println("valid: COSE_Sign1 signed by " + key.curve() + " key " + key.thumbprint().hex());
        out.println("protected header:");
        HeaderDescriber.describe(message.protectedHeader().map()).forEach(line -> out.println("  " + line));
        if (message.unprotectedHeader().size() > 0) {
            out.println("unprotected header (not signed):");
            HeaderDescriber.describe(message.unprotectedHeader()).forEach(line -> out.println("  " + line));
        }
        int length = message.payload().or(() -> detached).map(p -> p.length).orElse(0);
        out.println("payload: " + length + " bytes, " + (message.isDetached() ? "detached" : "attached"));
    }
}
