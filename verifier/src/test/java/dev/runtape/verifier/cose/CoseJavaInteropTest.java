package dev.runtape.verifier.cose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import COSE.AlgorithmID;
import COSE.Attribute;
import COSE.CoseException;
import COSE.HeaderKeys;
import COSE.Message;
import COSE.MessageTag;
import COSE.OneKey;
import COSE.Sign1Message;
import com.upokecenter.cbor.CBORObject;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.SecretKeyAccess;
import dev.runtape.verifier.keys.SignatureAlgorithm;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.testing.Bytes;
import dev.runtape.verifier.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Optional;
import java.util.stream.Stream;
import net.i2p.crypto.eddsa.EdDSASecurityProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop with an independent implementation: COSE-Java (com.augustcellars.cose 1.1.0), whose CBOR is
 * PeterO.Cbor and whose cryptography is the JDK's (ECDSA) and net.i2p's (EdDSA). Runtape's messages verify there
 * and COSE-Java's verify here, for EdDSA over Ed25519 and ES256 over P-256; keys cross over only as COSE_Key bytes
 * that Runtape wrote; a message tampered with after signing is refused by the side that did not sign it.
 */
class CoseJavaInteropTest {

    private static final byte[] PAYLOAD = "interop payload: one entry of the tape".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void installTheEdDsaProviderCoseJavaAsksFor() {
        // COSE-Java asks for Signature "NonewithEdDSA" and KeyFactory "EdDSA" from the provider named "EdDSA".
        if (Security.getProvider(EdDSASecurityProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new EdDSASecurityProvider());
        }
    }

    static Stream<Named<SigningKey>> signingKeys() {
        return Stream.of(
                Named.of("EdDSA over Ed25519", TestKeys.ed25519("interop")),
                Named.of("ES256 over P-256", TestKeys.p256("interop")));
    }

    // Runtape signs, COSE-Java verifies.

    @ParameterizedTest
    @MethodSource("signingKeys")
    void coseJavaVerifiesWhatRuntapeSigned(SigningKey key) throws Exception {
        byte[] message = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();

        Sign1Message decoded = coseJavaDecode(message);

        assertThat(decoded.validate(coseJavaPublicKey(key.verificationKey()))).isTrue();
        assertThat(decoded.GetContent()).isEqualTo(PAYLOAD);
        assertThat(decoded.findAttribute(HeaderKeys.Algorithm, Attribute.PROTECTED))
                .isEqualTo(coseJavaAlgorithm(key.algorithm()).AsCBOR());
        assertThat(decoded.findAttribute(HeaderKeys.KID, Attribute.PROTECTED).GetByteString()).isEqualTo(key.kid());
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void coseJavaRefusesARuntapeMessageWhosePayloadOrSignatureWasChanged(SigningKey key) throws Exception {
        byte[] message = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();
        OneKey publicKey = coseJavaPublicKey(key.verificationKey());
        byte[] payloadChanged = flipBit(message, Bytes.indexOf(message, PAYLOAD), 0);
        byte[] signatureChanged = flipBit(message, message.length - 1, 0); // the signature is the last item

        assertThat(coseJavaDecode(message).validate(publicKey)).isTrue();
        assertThat(coseJavaDecode(payloadChanged).validate(publicKey)).isFalse();
        assertThat(coseJavaDecode(signatureChanged).validate(publicKey)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void coseJavaChecksRuntapesExternalAadAndDetachedPayload(SigningKey key) throws Exception {
        byte[] aad = "bound, not carried".getBytes(StandardCharsets.UTF_8);
        byte[] message = Sign1Builder.signingWith(key).externalAad(aad).detached().sign(PAYLOAD).encode();
        OneKey publicKey = coseJavaPublicKey(key.verificationKey());

        Sign1Message decoded = coseJavaDecode(message);
        assertThat(decoded.HasContent()).isFalse();
        decoded.SetContent(PAYLOAD);
        decoded.setExternal(aad);
        assertThat(decoded.validate(publicKey)).isTrue();

        Sign1Message otherAad = coseJavaDecode(message);
        otherAad.SetContent(PAYLOAD);
        otherAad.setExternal("other".getBytes(StandardCharsets.UTF_8));
        assertThat(otherAad.validate(publicKey)).isFalse();
    }

    // COSE-Java signs, Runtape verifies.

    @ParameterizedTest
    @MethodSource("signingKeys")
    void runtapeVerifiesWhatCoseJavaSigned(SigningKey key) throws Exception {
        byte[] message = coseJavaSign(key, PAYLOAD, new byte[0], true);

        CoseSign1 decoded = CoseSign1.decode(message);
        Sign1Verifier.verify(decoded, key.verificationKey());

        assertThat(decoded.isTagged()).isTrue();
        assertThat(decoded.algorithm()).isEqualTo(key.algorithm());
        assertThat(decoded.payload().orElseThrow()).isEqualTo(PAYLOAD);
        assertThat(decoded.kid().orElseThrow()).isEqualTo(key.kid()); // from the unprotected header
        assertThat(decoded.encode()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void runtapeFindsTheKeyOfACoseJavaMessageByItsKid(SigningKey key) throws Exception {
        byte[] message = coseJavaSign(key, PAYLOAD, new byte[0], true);
        VerificationKey stranger = TestKeys.ed25519("stranger").verificationKey();
        KeySet keys = KeySet.of(stranger, key.verificationKey());

        VerificationKey used = Sign1Verifier.verify(CoseSign1.decode(message), keys, new byte[0], Optional.empty());

        assertThat(used).isEqualTo(key.verificationKey());
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void runtapeRefusesACoseJavaMessageWhosePayloadOrSignatureWasChanged(SigningKey key) throws Exception {
        byte[] message = coseJavaSign(key, PAYLOAD, new byte[0], true);
        byte[] payloadChanged = flipBit(message, Bytes.indexOf(message, PAYLOAD), 0);
        byte[] signatureChanged = flipBit(message, message.length - 1, 0);

        assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(payloadChanged), key.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
        assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(signatureChanged), key.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void runtapeChecksCoseJavasExternalAadAndDetachedPayload(SigningKey key) throws Exception {
        byte[] aad = "bound, not carried".getBytes(StandardCharsets.UTF_8);
        CoseSign1 decoded = CoseSign1.decode(coseJavaSign(key, PAYLOAD, aad, false));

        assertThat(decoded.isDetached()).isTrue();
        Sign1Verifier.verify(decoded, key.verificationKey(), aad, Optional.of(PAYLOAD));
        assertThatThrownBy(() -> Sign1Verifier.verify(decoded, key.verificationKey(), new byte[0],
                Optional.of(PAYLOAD)))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    /**
     * A COSE_Sign1 that COSE-Java signs with {@code key}: alg protected, kid unprotected, the payload attached or
     * not. The private key reaches COSE-Java as the COSE_Key Runtape writes for the public half, plus d (-4).
     */
    private static byte[] coseJavaSign(SigningKey key, byte[] payload, byte[] externalAad, boolean attached)
            throws CoseException {
        Sign1Message message = new Sign1Message(true, attached);
        message.addAttribute(HeaderKeys.Algorithm, coseJavaAlgorithm(key.algorithm()).AsCBOR(), Attribute.PROTECTED);
        message.addAttribute(HeaderKeys.KID, CBORObject.FromObject(key.kid()), Attribute.UNPROTECTED);
        message.SetContent(payload);
        message.setExternal(externalAad);
        message.sign(coseJavaPrivateKey(key));
        return message.EncodeToBytes();
    }

    private static Sign1Message coseJavaDecode(byte[] message) throws CoseException {
        return (Sign1Message) Message.DecodeFromBytes(message, MessageTag.Sign1);
    }

    /** The public key as COSE-Java reads the COSE_Key bytes Runtape wrote. */
    private static OneKey coseJavaPublicKey(VerificationKey key) throws CoseException {
        return new OneKey(CBORObject.DecodeFromBytes(CoseKeyCodec.encode(key).encode()));
    }

    private static OneKey coseJavaPrivateKey(SigningKey key) throws CoseException {
        CBORObject map = CBORObject.DecodeFromBytes(CoseKeyCodec.encode(key.verificationKey()).encode());
        map.Add(CBORObject.FromObject(-4), CBORObject.FromObject(key.privateKeyBytes(SecretKeyAccess.insecure())));
        return new OneKey(map);
    }

    private static AlgorithmID coseJavaAlgorithm(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case EDDSA -> AlgorithmID.EDDSA;
            case ES256 -> AlgorithmID.ECDSA_256;
            case ES384 -> AlgorithmID.ECDSA_384;
            case ES512 -> AlgorithmID.ECDSA_512;
        };
    }

    private static byte[] flipBit(byte[] bytes, int index, int bit) {
        byte[] copy = bytes.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }
}
