package dev.runtape.verifier.cli;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runtape-verify receipt}: an RFC 9942 inclusion receipt for one leaf. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Verifies an RFC 9942 inclusion receipt (RFC9162_SHA256) for a leaf and prints the tree "
                + "size and root it proves.")
final class ReceiptCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt, as CBOR bytes")
    private Path receiptFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Leaf leaf;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE",
            description = "the log's public key: COSE_Key or COSE_KeySet (CBOR), JWK or JWK Set (JSON), or PEM")
    private Path keyFile;

    static final class Leaf {
        @Option(names = "--leaf", paramLabel = "FILE",
                description = "the leaf itself (e.g. the statement); hashed as SHA-256(0x00 || bytes)")
        Path file;

        @Option(names = "--leaf-hash", paramLabel = "HEX", description = "the RFC 9162 leaf hash, 64 hex digits")
        String hash;
    }

    @Override
    public Integer call() {
        KeySet keys;
        byte[] bytes;
        Digest leafHash;
        try {
            keys = KeyFiles.read(keyFile);
            bytes = InputFiles.read(receiptFile, "receipt");
            leafHash = leafHash();
        } catch (InputException e) {
            spec.commandLine().getErr().println("runtape-verify: " + e.getMessage());
            return ExitCodes.USAGE_OR_INPUT;
        }
        try {
            Receipt receipt = Receipt.decode(bytes);
            VerificationKey key = KeyFiles.choose(keys, receipt.message().kid(), "receipt");
            TreeHead head = ReceiptVerifier.verifyInclusion(receipt, leafHash, key);
            var out = spec.commandLine().getOut();
            out.println("valid: leaf " + leafHash + " is in the log");
            out.println("tree size: " + head.treeSize());
            out.println("root: " + head.root());
            out.println("signed by: " + key.curve() + " key " + key.thumbprint().hex());
            return ExitCodes.VALID;
        } catch (FormatException | VerificationException e) {
            spec.commandLine().getOut().println("invalid: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    private Digest leafHash() throws InputException {
        if (leaf.file != null) {
            return Rfc9162Hasher.hashLeaf(InputFiles.read(leaf.file, "leaf"));
        }
        try {
            return Digest.ofHex(leaf.hash.strip());
        } catch (FormatException e) {
            throw new InputException("--leaf-hash: " + e.getMessage(), e);
        }
    }
}
