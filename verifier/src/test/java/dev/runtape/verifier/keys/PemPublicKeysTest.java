package dev.runtape.verifier.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public keys in PEM, as the JDK writes them (X.509 SubjectPublicKeyInfo, RFC 7468 §13): they decode to the
 * same key and verify what the JDK signed with the private half.
 */
class PemPublicKeysTest {

    private static final byte[] MESSAGE = "signed by the JDK".getBytes(StandardCharsets.UTF_8);

    /** Key pair generator, its parameter, the JDK signature that gives the COSE form, and the expected curve. */
    static Stream<Arguments> jdkKeys() {
        return Stream.of(
                Arguments.of(Named.of("Ed25519", "Ed25519"), null, "Ed25519", Curve.ED25519, SignatureAlgorithm.EDDSA),
                Arguments.of(Named.of("Ed448", "Ed448"), null, "Ed448", Curve.ED448, SignatureAlgorithm.EDDSA),
                Arguments.of(Named.of("P-256", "EC"), "secp256r1", "SHA256withECDSAinP1363Format", Curve.P_256,
                        SignatureAlgorithm.ES256),
                Arguments.of(Named.of("P-384", "EC"), "secp384r1", "SHA384withECDSAinP1363Format", Curve.P_384,
                        SignatureAlgorithm.ES384),
                Arguments.of(Named.of("P-521", "EC"), "secp521r1", "SHA512withECDSAinP1363Format", Curve.P_521,
                        SignatureAlgorithm.ES512));
    }

    @ParameterizedTest
    @MethodSource("jdkKeys")
    void aJdkPublicKeyInPemVerifiesWhatTheJdkSigned(String keyAlgorithm, String curveName, String signatureAlgorithm,
            Curve curve, SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = generate(keyAlgorithm, curveName);
        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign(); // EdDSA: R ‖ S; "inP1363Format": r ‖ s, fixed width, as COSE has it

        VerificationKey key = PemPublicKeys.decode(pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThat(key.curve()).isEqualTo(curve);
        assertThat(key.algorithm()).isEqualTo(algorithm);
        key.verify(algorithm, MESSAGE, signature);
        byte[] otherMessage = Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
        assertThatThrownBy(() -> key.verify(algorithm, otherMessage, signature))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @ParameterizedTest
    @MethodSource("jdkKeys")
    void aJdkPublicKeyInPemIsTheKeyTheJdkHolds(String keyAlgorithm, String curveName, String signatureAlgorithm,
            Curve curve, SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = generate(keyAlgorithm, curveName);
        byte[] spki = pair.getPublic().getEncoded();

        VerificationKey key = PemPublicKeys.decode(pem("PUBLIC KEY", spki));

        switch (key) {
            // RFC 8410 §4: the subjectPublicKey of an EdDSA key is the raw key, at the end of the SPKI.
            case EdDsaVerificationKey ed -> assertThat(ed.x())
                    .isEqualTo(Arrays.copyOfRange(spki, spki.length - curve.coordinateLength(), spki.length));
            case EcdsaVerificationKey ec -> {
                ECPublicKey jdk = (ECPublicKey) pair.getPublic();
                assertThat(new BigInteger(1, ec.x())).isEqualTo(jdk.getW().getAffineX());
                assertThat(new BigInteger(1, ec.y())).isEqualTo(jdk.getW().getAffineY());
            }
        }
        assertThat(key.kid()).isEqualTo(key.thumbprint().bytes());
    }

    @Test
    void explanatoryTextAndCrlfLineEndingsAreAllowed() throws Exception {
        KeyPair pair = generate("Ed25519", null);
        String pem = "Subject: a ledger signer\r\n" + pem("PUBLIC KEY", pair.getPublic().getEncoded()).replace("\n", "\r\n");

        assertThat(PemPublicKeys.decode(pem).curve()).isEqualTo(Curve.ED25519);
    }

    @Test
    void aPrivateKeyBlockIsRefused() throws Exception {
        KeyPair pair = generate("EC", "secp256r1");
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());

        assertThatThrownBy(() -> PemPublicKeys.decode(pem))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("PEM: expected a PUBLIC KEY block, found PRIVATE KEY");
    }

    @Test
    void aPrivateKeyBlockBeforeThePublicKeyIsRefused() throws Exception {
        KeyPair pair = generate("Ed25519", null);
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());

        assertThatThrownBy(() -> PemPublicKeys.decode(pem))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("PEM: expected a PUBLIC KEY block, found PRIVATE KEY");
    }

    @Test
    void textWithoutABlockIsRefused() {
        for (String text : new String[] {"", "not a key", "MCowBQYDK2VwAyEA11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}) {
            assertThatThrownBy(() -> PemPublicKeys.decode(text))
                    .as(text)
                    .isExactlyInstanceOf(FormatException.class)
                    .hasMessage("PEM: expected a PUBLIC KEY block");
        }
    }

    @Test
    void aBlockWithoutItsEndLineIsRefused() throws Exception {
        String pem = pem("PUBLIC KEY", generate("Ed25519", null).getPublic().getEncoded());
        String truncated = pem.substring(0, pem.indexOf("-----END"));

        assertThatThrownBy(() -> PemPublicKeys.decode(truncated))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("PEM: -----END PUBLIC KEY----- not found");
    }

    @Test
    void aBlockThatIsNotBase64OrNotAKeyIsRefused() {
        assertThatThrownBy(() -> PemPublicKeys.decode("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessageStartingWith("PEM: ");
        assertThatThrownBy(() -> PemPublicKeys.decode(pem("PUBLIC KEY", new byte[] {0x30, 0x00})))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessageStartingWith("PEM: not a supported public key: ");
    }

    @Test
    void anRsaKeyIsRefusedByKind() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);

        String pem = pem("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> PemPublicKeys.decode(pem))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("PEM: unsupported key type RSAKeyParameters (supported: Ed25519, Ed448, P-256, P-384, P-521)");
    }

    @Test
    void aKeyOnAnotherEllipticCurveIsRefused() throws Exception {
        // secp256k1, which the JDK no longer generates: the generator point itself, written by Bouncy Castle.
        X9ECParameters k1 = CustomNamedCurves.getByName("secp256k1");
        ECNamedDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256k1, k1);
        byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new ECPublicKeyParameters(k1.getG(), domain)).getEncoded();

        assertThatThrownBy(() -> PemPublicKeys.decode(pem("PUBLIC KEY", spki)))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("PEM: unsupported elliptic curve (supported: P-256, P-384, P-521)");
    }

    private static KeyPair generate(String algorithm, String curveName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curveName != null) {
            generator.initialize(new ECGenParameterSpec(curveName));
        }
        return generator.generateKeyPair();
    }

    /** A PEM block as RFC 7468 writes it: base64 in lines of 64 characters. */
    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
