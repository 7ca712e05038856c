package dev.runtape.verifier.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9679 COSE Key Thumbprints: the published example, what the hash covers, and the URI form. */
class KeyThumbprintTest {

    // RFC 9679 §6: the EC2 P-256 example key and its SHA-256 thumbprint.
    private static final String X = "65eda5a12577c2bae829437fe338701a10aaa375e1bb5b5de108de439c08551d";
    private static final String Y = "1e52ed75701163f7f9e40ddf9f341b3dc9ba860af7e0ca7ca7e9eecd0084d19c";
    private static final String THUMBPRINT = "496bd8afadf307e5b08c64b0421bf9dc01528a344a43bda88fadd1669da253ec";

    private static EcdsaVerificationKey rfcExampleKey() throws Exception {
        return EcdsaVerificationKey.p256(HexFormat.of().parseHex(X), HexFormat.of().parseHex(Y));
    }

    @Test
    void theRfc9679ExampleKeyHasThePublishedThumbprint() throws Exception {
        assertThat(rfcExampleKey().thumbprint().hex()).isEqualTo(THUMBPRINT);
    }

    @Test
    void theThumbprintHashesKtyCrvXAndYInDeterministicOrder() throws Exception {
        // {1: 2, -1: 1, -2: h'x', -3: h'y'}: keys sorted by their encodings 01, 20, 21, 22 (RFC 9679 §4).
        byte[] required = HexFormat.of().parseHex("a4" + "0102" + "2001" + "215820" + X + "225820" + Y);

        assertThat(Digest.sha256(required).hex()).isEqualTo(THUMBPRINT);
    }

    @Test
    void anOkpThumbprintHashesKtyCrvAndX() {
        EdDsaVerificationKey key = TestKeys.ed25519("thumbprint").verificationKey();
        byte[] required = HexFormat.of().parseHex("a3" + "0101" + "2006" + "215820" + HexFormat.of().formatHex(key.x()));

        assertThat(key.thumbprint()).isEqualTo(Digest.sha256(required));
    }

    @Test
    void theThumbprintIgnoresTheKid() throws Exception {
        EcdsaVerificationKey key = rfcExampleKey();
        VerificationKey named = key.withKid("meriadoc.brandybuck@buckland.example".getBytes(StandardCharsets.UTF_8));

        assertThat(named.kid()).isNotEqualTo(key.kid());
        assertThat(named.thumbprint().hex()).isEqualTo(THUMBPRINT);
        assertThat(named).isNotEqualTo(key);
        assertThat(named.sameKeyAs(key)).isTrue();
        assertThat(CoseKeyCodec.decode(CoseKeyCodec.encode(named)).thumbprint().hex()).isEqualTo(THUMBPRINT);
    }

    @ParameterizedTest
    @MethodSource("dev.runtape.verifier.keys.ExampleKeys#everyCurve")
    void theThumbprintIgnoresTheKidOnEveryCurve(VerificationKey key) {
        assertThat(key.withKid(new byte[] {1, 2, 3}).thumbprint()).isEqualTo(key.withKid(new byte[] {9}).thumbprint());
    }

    @Test
    void aKeyGivenNoKidIsNamedByItsThumbprint() throws Exception {
        assertThat(rfcExampleKey().kid()).isEqualTo(HexFormat.of().parseHex(THUMBPRINT));
        VerificationKey ed = TestKeys.ed25519("thumbprint").verificationKey();
        assertThat(ed.kid()).isEqualTo(ed.thumbprint().bytes());
    }

    @Test
    void differentKeysHaveDifferentThumbprints() {
        assertThat(TestKeys.ed25519("a").verificationKey().thumbprint())
                .isNotEqualTo(TestKeys.ed25519("b").verificationKey().thumbprint());
        assertThat(TestKeys.p256("a").verificationKey().thumbprint())
                .isNotEqualTo(TestKeys.p256("b").verificationKey().thumbprint());
    }

    @Test
    void theUriIsTheCktPrefixAndTheBase64urlThumbprintWithoutPadding() throws Exception {
        assertThat(KeyThumbprint.uri(rfcExampleKey()))
                .isEqualTo("urn:ietf:params:oauth:ckt:sha-256:SWvYr63zB-WwjGSwQhv53AFSijRKQ72oj63RZp2iU-w");
    }

    @Test
    void theUriDoesNotDependOnTheKid() throws Exception {
        EcdsaVerificationKey key = rfcExampleKey();

        assertThat(KeyThumbprint.uri(key.withKid(new byte[] {42}))).isEqualTo(KeyThumbprint.uri(key));
    }
}
