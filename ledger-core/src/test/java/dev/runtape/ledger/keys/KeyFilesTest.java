package dev.runtape.ledger.keys;

import static dev.runtape.ledger.keys.Tools.keytool;
import static dev.runtape.ledger.keys.Tools.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.PemPublicKeys;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files written by openssl and keytool, read as they are; and the files Runtape writes, read by openssl. */
class KeyFilesTest {

    @TempDir
    Path dir;

    /** The public key openssl derives from a private key file: what the loaded key must match. */
    private VerificationKey publicKeyByOpenssl(String keyFile) throws Exception {
        openssl(dir, "pkey", "-in", keyFile, "-pubout", "-out", keyFile + ".pub");
        return PemPublicKeys.decode(Files.readString(dir.resolve(keyFile + ".pub")));
    }

    private static void assertSignsAs(SigningKey key, VerificationKey expected) throws Exception {
        assertThat(key.verificationKey().sameKeyAs(expected)).isTrue();
        byte[] message = "a statement".getBytes(StandardCharsets.UTF_8);
        expected.verify(message, key.sign(message));
    }

    @Test
    void anEd25519KeyInPkcs8PemFromOpensslIsRead() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        SigningKey key = KeyFiles.read(dir.resolve("ed.pem"));
        assertThat(key).isInstanceOf(Ed25519SigningKey.class);
        assertSignsAs(key, publicKeyByOpenssl("ed.pem"));
    }

    @Test
    void anEd25519KeyInPkcs8DerFromOpensslIsRead() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        openssl(dir, "pkey", "-in", "ed.pem", "-outform", "DER", "-out", "ed.der");
        assertSignsAs(KeyFiles.read(dir.resolve("ed.der")), publicKeyByOpenssl("ed.pem"));
    }

    @Test
    void aP256KeyInPkcs8PemFromOpensslIsRead() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.pem");
        SigningKey key = KeyFiles.read(dir.resolve("p256.pem"));
        assertThat(key).isInstanceOf(P256SigningKey.class);
        assertSignsAs(key, publicKeyByOpenssl("p256.pem"));
    }

    @Test
    void aP256KeyInSec1PemWithItsParametersBlockIsRead() throws Exception {
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem");
        assertThat(Files.readString(dir.resolve("sec1.pem"))).startsWith("-----BEGIN EC PARAMETERS-----");
        assertSignsAs(KeyFiles.read(dir.resolve("sec1.pem")), publicKeyByOpenssl("sec1.pem"));
    }

    @Test
    void aP384KeyIsRefusedNamingItsCurve() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.pem");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("p384.pem")))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("key file " + dir.resolve("p384.pem") + ": unsupported EC curve secp384r1 (1.3.132.0.34) "
                        + "(supported: Ed25519, P-256)");
    }

    @Test
    void anRsaKeyIsRefused() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "rsa.pem");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("rsa.pem")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageEndingWith(": unsupported key type RSA (supported: Ed25519, P-256)");
    }

    @Test
    void anEd448KeyIsRefused() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed448", "-out", "ed448.pem");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("ed448.pem")))
                .hasMessageEndingWith(": unsupported key type Ed448 (supported: Ed25519, P-256)");
    }

    @Test
    void anEncryptedPkcs8KeyIsRefusedWithAWayOut() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed25519", "-aes256", "-pass", "pass:secret", "-out", "enc.pem");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("enc.pem")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("the private key is encrypted");
    }

    @Test
    void aFileWithoutAKeyIsRefused() throws Exception {
        Files.writeString(dir.resolve("none.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Files.write(dir.resolve("garbage.der"), new byte[] {0x30, 0x03, 0x02, 0x01});
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("none.pem")))
                .hasMessageEndingWith("no PRIVATE KEY or EC PRIVATE KEY block in the PEM text");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("garbage.der")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("not a PKCS#8 private key");
        assertThatThrownBy(() -> KeyFiles.read(dir.resolve("missing.pem")))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aPkcs12FileFromOpensslIsReadWithItsPassword() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        openssl(dir, "pkcs12", "-export", "-nocerts", "-inkey", "ed.pem", "-name", "ledger",
                "-passout", "pass:s3cret", "-out", "ed.p12");
        SigningKey key = KeyFiles.readPkcs12(dir.resolve("ed.p12"), "s3cret".toCharArray(), Optional.empty());
        assertSignsAs(key, publicKeyByOpenssl("ed.pem"));
        SigningKey byAlias = KeyFiles.readPkcs12(dir.resolve("ed.p12"), "s3cret".toCharArray(), Optional.of("ledger"));
        assertThat(byAlias.verificationKey()).isEqualTo(key.verificationKey());
    }

    @Test
    void aPkcs12FileWithACertificateIsRead() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.pem");
        openssl(dir, "req", "-x509", "-new", "-key", "p256.pem", "-subj", "/CN=runtape test", "-days", "1",
                "-out", "cert.pem");
        openssl(dir, "pkcs12", "-export", "-inkey", "p256.pem", "-in", "cert.pem", "-passout", "pass:s3cret",
                "-out", "p256.p12");
        SigningKey key = KeyFiles.readPkcs12(dir.resolve("p256.p12"), "s3cret".toCharArray(), Optional.empty());
        assertSignsAs(key, publicKeyByOpenssl("p256.pem"));
    }

    @Test
    void aWrongPkcs12PasswordIsRefused() throws Exception {
        openssl(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        openssl(dir, "pkcs12", "-export", "-nocerts", "-inkey", "ed.pem", "-passout", "pass:s3cret", "-out", "ed.p12");
        assertThatThrownBy(() -> KeyFiles.readPkcs12(dir.resolve("ed.p12"), "guess".toCharArray(), Optional.empty()))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("PKCS#12 file " + dir.resolve("ed.p12") + ": wrong password: the PKCS#12 MAC does not verify");
    }

    @Test
    void aKeytoolKeystoreOfTwoKeysNeedsAnAlias() throws Exception {
        for (String alias : new String[] {"first", "second"}) {
            keytool(dir, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + alias, "-validity", "1", "-keystore", "keys.p12", "-storetype", "PKCS12",
                    "-storepass", "s3cret", "-keypass", "s3cret");
        }
        Path store = dir.resolve("keys.p12");
        char[] password = "s3cret".toCharArray();
        SigningKey first = KeyFiles.readPkcs12(store, password, Optional.of("first"));
        SigningKey second = KeyFiles.readPkcs12(store, password, Optional.of("second"));
        assertThat(first.verificationKey().sameKeyAs(second.verificationKey())).isFalse();
        assertThatThrownBy(() -> KeyFiles.readPkcs12(store, password, Optional.empty()))
                .hasMessageEndingWith("the PKCS#12 file holds 2 private keys; name one by alias "
                        + "(aliases: [\"first\", \"second\"])");
        assertThatThrownBy(() -> KeyFiles.readPkcs12(store, password, Optional.of("third")))
                .hasMessageEndingWith("no private key with alias \"third\" (aliases: [\"first\", \"second\"])");
    }

    @Test
    void aWrittenKeyIsOwnerOnlyPkcs8ThatOpensslReads() throws Exception {
        for (SigningKey key : new SigningKey[] {Ed25519SigningKey.generate(new SecureRandom()),
                P256SigningKey.generate(new SecureRandom())}) {
            Path file = dir.resolve(key.algorithm().joseName() + ".pem");
            KeyFiles.writePkcs8Pem(key, file);
            assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(publicKeyByOpenssl(file.getFileName().toString()).sameKeyAs(key.verificationKey())).isTrue();
            assertThat(KeyFiles.read(file).verificationKey()).isEqualTo(key.verificationKey());
        }
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("ledger.pem");
        KeyFiles.writePkcs8Pem(Ed25519SigningKey.generate(new SecureRandom()), file);
        String before = Files.readString(file);
        assertThatThrownBy(() -> KeyFiles.writePkcs8Pem(Ed25519SigningKey.generate(new SecureRandom()), file))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("key file " + file + " exists already: a key file is never overwritten");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("ledger.pem");
        }
    }

    @Test
    void aKeyWhosePublicPartIsAnotherKeysIsRefused() throws Exception {
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "a.pem");
        openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "b.pem");
        byte[] a = der("a.pem");
        byte[] b = der("b.pem");
        // SEC 1 ECPrivateKey: the public key is the trailing BIT STRING (65 bytes of point); take it from b.
        System.arraycopy(b, b.length - 65, a, a.length - 65, 65);
        assertThatThrownBy(() -> Pkcs8Keys.decodeSec1(a))
                .hasMessage("the public key stored with the private key does not belong to it");
    }

    private byte[] der(String pemFile) throws Exception {
        try (PemReader reader = new PemReader(Files.newBufferedReader(dir.resolve(pemFile)))) {
            return reader.readPemObject().getContent();
        }
    }
}
