package dev.runtape.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on real files: every exit status and what it prints. */
class RuntapeVerifyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final SigningKey key = Ed25519SigningKey.generate(RANDOM);

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RuntapeVerify.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path signedStatement() throws IOException {
        CoseSign1 message = Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/cbor"))
                .sign(new byte[] {1, 2, 3});
        return write("statement.cbor", message.encode());
    }

    @Test
    void aValidStatementExitsZeroAndPrintsItsProtectedHeader() throws IOException {
        Path key = write("key.cbor", CoseKeyCodec.encode(this.key.verificationKey()).encode());

        Run run = run("statement", signedStatement().toString(), "--key", key.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("valid: COSE_Sign1 signed by Ed25519 key "
                        + this.key.verificationKey().thumbprint().hex())
                .contains("  alg (1): -8 (EdDSA)")
                .contains("  kid (4): h'" + this.key.verificationKey().thumbprint().hex() + "'")
                .contains("  content type (3): \"application/cbor\"")
                .contains("payload: 3 bytes, attached");
    }

    @Test
    void theKeyMayBeAJwkAJwkSetAPemOrACoseKeySet() throws Exception {
        Path statement = signedStatement();
        SigningKey other = P256SigningKey.generate(RANDOM);
        KeySet both = KeySet.of(other.verificationKey(), key.verificationKey());
        byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new Ed25519PublicKeyParameters(((EdDsaVerificationKey) key.verificationKey()).x())).getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";

        for (Path keyFile : new Path[] {
                write("key.jwk", JwkCodec.encode(key.verificationKey()).toString()),
                write("keys.jwks", JwkCodec.encodeSet(both).toString()),
                write("key.pem", pem),
                write("keys.cbor", CoseKeyCodec.encodeSet(both).encode())}) {
            assertThat(run("statement", statement.toString(), "--key", keyFile.toString()).status())
                    .as(keyFile.getFileName().toString()).isZero();
        }
    }

    @Test
    void aTamperedStatementExitsOneWithTheReasonOnOneLine() throws IOException {
        byte[] bytes = Files.readAllBytes(signedStatement());
        bytes[bytes.length - 1] ^= 1;
        Path tampered = write("tampered.cbor", bytes);
        Path key = write("key.jwk", JwkCodec.encode(this.key.verificationKey()).toString());

        Run run = run("statement", tampered.toString(), "--key", key.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("invalid: invalid signature" + System.lineSeparator());
    }

    @Test
    void aFileThatIsNotACoseSign1ExitsOne() throws IOException {
        Path key = write("key.jwk", JwkCodec.encode(this.key.verificationKey()).toString());

        Run run = run("statement", write("junk.cbor", new byte[] {(byte) 0x83, 1}).toString(), "--key", key.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("invalid: COSE_Sign1: at byte 0: array of 3 items but only 1 byte remains"
                + System.lineSeparator());
    }

    @Test
    void aDetachedPayloadIsGivenWithPayload() throws IOException {
        CoseSign1 message = Sign1Builder.signingWith(key).detached().sign("detached".getBytes(StandardCharsets.UTF_8));
        Path statement = write("detached.cbor", message.encode());
        Path key = write("key.jwk", JwkCodec.encode(this.key.verificationKey()).toString());

        assertThat(run("statement", statement.toString(), "--key", key.toString()).out())
                .isEqualTo("invalid: the payload is detached and was not given" + System.lineSeparator());
        Run run = run("statement", statement.toString(), "--key", key.toString(),
                "--payload", write("payload", "detached").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("payload: 8 bytes, detached");
    }

    @Test
    void aPublishedCoseWgExampleVerifiesWithItsKeyAsAJwk() throws Exception {
        // eddsa-sig-01: Ed25519, kid "11"; its public key written as a JWK.
        var vector = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SharedFiles.readVector("cose/cose-wg-examples/eddsa-examples/eddsa-sig-01.json"));
        byte[] x = HexFormat.of().parseHex(vector.get("input").get("sign0").get("key").get("x_hex").asText());
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(x) + "\"}";
        Path statement = write("eddsa-sig-01.cbor",
                HexFormat.of().parseHex(vector.get("output").get("cbor").asText()));

        Run run = run("statement", statement.toString(), "--key", write("key.jwk", jwk).toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("unprotected header (not signed):").contains("kid (4): h'3131'");
    }

    @Test
    void usageAndInputErrorsExitTwo() throws IOException {
        Path statement = signedStatement();

        assertThat(run().status()).isEqualTo(2);
        assertThat(run("statement", statement.toString()).err()).contains("Missing required option: '--key=KEYFILE'");
        Run missing = run("statement", statement.toString(), "--key", dir.resolve("absent.jwk").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("runtape-verify: key file " + dir.resolve("absent.jwk")
                + " does not exist" + System.lineSeparator());
        Run badKey = run("statement", statement.toString(), "--key", write("bad.jwk", "{\"kty\":\"RSA\"}").toString());
        assertThat(badKey.status()).isEqualTo(2);
        assertThat(badKey.err()).startsWith("runtape-verify: key file ").contains("JWK: member crv must be a string");
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void aReceiptForTheLeafVerifiesAndPrintsTheTreeSizeAndRoot() throws IOException {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        byte[] statement = Files.readAllBytes(signedStatement());
        for (int i = 0; i < 9; i++) {
            tree.appendLeaf(i == 5 ? statement : new byte[] {(byte) i});
        }
        Path receipt = write("receipt.cbor", new ReceiptIssuer(key, "runtape.test/log")
                .inclusion(ProofBuilder.inclusion(tree, 5, 9), tree.root()).encode());
        Path keyFile = write("key.cbor", CoseKeyCodec.encode(key.verificationKey()).encode());

        Run byLeaf = run("receipt", receipt.toString(), "--leaf", dir.resolve("statement.cbor").toString(),
                "--key", keyFile.toString());
        Run byHash = run("receipt", receipt.toString(), "--leaf-hash", tree.node(0, 5).hex(), "--key", keyFile.toString());

        assertThat(byLeaf.status()).isZero();
        assertThat(byLeaf.out()).contains("tree size: 9").contains("root: " + tree.root().hex());
        assertThat(byHash).isEqualTo(byLeaf);
        Run wrongLeaf = run("receipt", receipt.toString(), "--leaf-hash", Digest.ZERO.hex(), "--key", keyFile.toString());
        assertThat(wrongLeaf.status()).isEqualTo(1);
        assertThat(wrongLeaf.out()).startsWith("invalid: the log's signature does not cover root ");
        assertThat(run("receipt", receipt.toString(), "--leaf-hash", "abc", "--key", keyFile.toString()).err())
                .startsWith("runtape-verify: --leaf-hash: not a hexadecimal digest");
        assertThat(run("receipt", receipt.toString(), "--key", keyFile.toString()).status()).isEqualTo(2);
    }
}
