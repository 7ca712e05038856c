package dev.runtape.verifier.cose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.testing.Bytes;
import dev.runtape.verifier.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COSE_Sign1 made by {@link Sign1Builder} and checked by {@link Sign1Verifier}, with both kinds of signing key:
 * attached and detached payloads, external AAD, tagged and untagged encodings, protected headers kept as received,
 * critical parameters, key selection by kid, and every single-bit change of a signed message refused.
 */
class Sign1RoundTripTest {

    private static final byte[] PAYLOAD = "tape".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_AAD = new byte[0];
    private static final Ed25519SigningKey ED25519 = TestKeys.ed25519("round trip");
    private static final P256SigningKey P256 = TestKeys.p256("round trip");

    static Stream<Named<SigningKey>> signingKeys() {
        return Stream.of(Named.of("Ed25519 (EdDSA)", ED25519), Named.of("P-256 (ES256)", P256));
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void aSignedMessageVerifiesWithThePublicHalfOfItsKey(SigningKey key) throws Exception {
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(key).sign(PAYLOAD).encode());

        Sign1Verifier.verify(message, key.verificationKey());

        assertThat(message.algorithm()).isEqualTo(key.algorithm());
        assertThat(message.kid()).hasValueSatisfying(kid -> assertThat(kid).isEqualTo(key.kid()));
        assertThat(message.payload()).hasValueSatisfying(payload -> assertThat(payload).isEqualTo(PAYLOAD));
        assertThat(message.protectedHeader().map()).isEqualTo(CborMap.builder()
                .put(HeaderLabels.ALG, CborInteger.of(key.algorithm().coseId()))
                .put(HeaderLabels.KID, new CborByteString(key.kid()))
                .build());
        assertThat(message.unprotectedHeader()).isEqualTo(CborMap.EMPTY);
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void aDetachedPayloadIsCarriedAsNilAndMustBeGivenToVerify(SigningKey key) throws Exception {
        byte[] encoded = Sign1Builder.signingWith(key).detached().sign(PAYLOAD).encode();
        CoseSign1 message = CoseSign1.decode(encoded);

        assertThat(message.isDetached()).isTrue();
        assertThat(message.payload()).isEmpty();
        assertThat(((CborArray) ((CborTag) message.toCbor()).content()).get(2)).isEqualTo(CborSimple.NULL);
        Sign1Verifier.verify(message, key.verificationKey(), NO_AAD, Optional.of(PAYLOAD));
        assertThatThrownBy(() -> Sign1Verifier.verify(message, key.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("the payload is detached and was not given");
        assertThatThrownBy(() -> Sign1Verifier.verify(message, key.verificationKey(), NO_AAD,
                Optional.of("tapf".getBytes(StandardCharsets.UTF_8))))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void aPayloadGivenAgainForAnAttachedMessageIsRefused(SigningKey key) {
        CoseSign1 message = Sign1Builder.signingWith(key).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(message, key.verificationKey(), NO_AAD, Optional.of(PAYLOAD)))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("the message carries its payload; a detached payload was also given");
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void externalAadVerifiesOnlyWithTheSameAad(SigningKey key) throws Exception {
        byte[] aad = HexFormat.of().parseHex("00112233");
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(key).externalAad(aad).sign(PAYLOAD).encode());

        Sign1Verifier.verify(message, key.verificationKey(), aad.clone(), Optional.empty());
        for (byte[] other : new byte[][] {NO_AAD, HexFormat.of().parseHex("00112234"), HexFormat.of().parseHex("0011")}) {
            assertThatThrownBy(() -> Sign1Verifier.verify(message, key.verificationKey(), other, Optional.empty()))
                    .as("external AAD %s", HexFormat.of().formatHex(other))
                    .isExactlyInstanceOf(VerificationException.class)
                    .hasMessage("invalid signature");
        }
    }

    @Test
    void aMessageSignedWithoutAadDoesNotVerifyWithOne() throws Exception {
        CoseSign1 message = Sign1Builder.signingWith(ED25519).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(message, ED25519.verificationKey(), new byte[] {0},
                Optional.empty()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void taggedAndUntaggedEncodingsDecodeBackToEqualMessages(SigningKey key) throws Exception {
        byte[] tagged = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();
        byte[] untagged = Sign1Builder.signingWith(key).untagged().sign(PAYLOAD).encode();

        assertThat(tagged[0]).isEqualTo((byte) 0xd2); // tag 18
        assertThat(untagged[0]).isEqualTo((byte) 0x84); // array of 4
        CoseSign1 fromTagged = CoseSign1.decode(tagged);
        CoseSign1 fromUntagged = CoseSign1.decode(untagged);
        assertThat(fromTagged.isTagged()).isTrue();
        assertThat(fromUntagged.isTagged()).isFalse();
        assertThat(fromUntagged.protectedHeader()).isEqualTo(fromTagged.protectedHeader());
        assertThat(fromUntagged.unprotectedHeader()).isEqualTo(fromTagged.unprotectedHeader());
        assertThat(fromUntagged.payload().orElseThrow()).isEqualTo(fromTagged.payload().orElseThrow());
        // Both signers are deterministic (RFC 8032, RFC 6979), so the signatures are equal too.
        assertThat(fromUntagged.signature()).isEqualTo(fromTagged.signature());
        assertThat(((CborTag) fromTagged.toCbor()).content()).isEqualTo(fromUntagged.toCbor());
        assertThat(fromTagged.encode()).isEqualTo(tagged);
        assertThat(fromUntagged.encode()).isEqualTo(untagged);
        Sign1Verifier.verify(fromTagged, key.verificationKey());
        Sign1Verifier.verify(fromUntagged, key.verificationKey());
    }

    static Stream<Arguments> nonDeterministicProtectedHeaders() {
        return Stream.of(
                Arguments.of(Named.of("keys out of order: kid before alg", ED25519), "a2 04 KID 01 ALG"),
                Arguments.of(Named.of("keys out of order: kid before alg", P256), "a2 04 KID 01 ALG"),
                Arguments.of(Named.of("a label in a two-byte head", ED25519), "a2 1801 ALG 04 KID"),
                Arguments.of(Named.of("an indefinite-length map", P256), "bf 01 ALG 04 KID ff"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonDeterministicProtectedHeaders")
    void aProtectedHeaderKeepsTheExactBytesItWasSignedOver(SigningKey key, String layout) throws Exception {
        byte[] protectedBytes = HexFormat.of().parseHex(layout
                .replace("ALG", hex(CborInteger.of(key.algorithm().coseId())))
                .replace("KID", hex(new CborByteString(key.kid())))
                .replace(" ", ""));
        CborValue header = CborDecoder.decode(protectedBytes, CborProfile.WELL_FORMED);
        assertThat(header.encode()).as("the layout is not the deterministic encoding").isNotEqualTo(protectedBytes);
        byte[] received = handSigned(key, protectedBytes, CborMap.EMPTY, PAYLOAD);

        CoseSign1 message = CoseSign1.decode(received);

        Sign1Verifier.verify(message, key.verificationKey());
        assertThat(message.protectedHeader().encoded()).isEqualTo(protectedBytes);
        assertThat(message.protectedHeader().map()).isEqualTo(header);
        assertThat(message.encode()).isEqualTo(received);
        // The signature covers these bytes, not the map: the same map re-encoded does not verify.
        CoseSign1 reencoded = CoseSign1.decode(new CborTag(CoseSign1.TAG, CborArray.of(
                new CborByteString(header.encode()), CborMap.EMPTY, new CborByteString(PAYLOAD),
                new CborByteString(message.signature()))).encode());
        assertThatThrownBy(() -> Sign1Verifier.verify(reencoded, key.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @Test
    void aLabelInBothTheProtectedAndTheUnprotectedHeaderIsMalformed() {
        byte[] message = handSigned(ED25519, CborMap.builder().put(HeaderLabels.ALG, CborInteger.of(-8)).build().encode(),
                CborMap.builder().put(HeaderLabels.ALG, CborInteger.of(-8)).build(), PAYLOAD);

        assertThatThrownBy(() -> CoseSign1.decode(message))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("COSE_Sign1: header label 1 appears in both the protected and the unprotected header");
    }

    @Test
    void theBuilderDoesNotMakeAMessageWithALabelInBothHeaders() {
        Sign1Builder builder = Sign1Builder.signingWith(ED25519)
                .unprotectedParameter(HeaderLabels.KID, new CborByteString(new byte[] {1}));

        assertThatThrownBy(() -> builder.sign(PAYLOAD))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("header label 4 is given in both the protected and the unprotected header");
    }

    @Test
    void theBuilderDoesNotTakeAlgOrKidAgain() {
        assertThatThrownBy(() -> Sign1Builder.signingWith(ED25519).protectedParameter(HeaderLabels.ALG,
                CborInteger.of(-7)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("map key given twice: 1");
        assertThatThrownBy(() -> Sign1Builder.signingWith(ED25519).protectedParameter(HeaderLabels.KID,
                new CborByteString(new byte[] {1})))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("map key given twice: 4");
    }

    @Test
    void aCriticalParameterThatIsNotUnderstoodIsRefused() throws Exception {
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(ED25519)
                .protectedParameter(HeaderLabels.CRIT, CborArray.of(CborInteger.of(99)))
                .protectedParameter(99, CborTextString.of("must be understood"))
                .sign(PAYLOAD).encode());

        assertThatThrownBy(() -> Sign1Verifier.verify(message, ED25519.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("critical parameter 99 is not understood");
    }

    @Test
    void critItselfMustBeProtected() throws Exception {
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(ED25519)
                .unprotectedParameter(HeaderLabels.CRIT, CborArray.of(CborInteger.of(HeaderLabels.ALG)))
                .sign(PAYLOAD).encode());

        assertThatThrownBy(() -> Sign1Verifier.verify(message, ED25519.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("crit must be a protected header parameter (RFC 9052 §3.1)");
    }

    @Test
    void aCriticalParameterMustBeInTheProtectedHeader() throws Exception {
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(ED25519)
                .protectedParameter(HeaderLabels.CRIT, CborArray.of(CborInteger.of(99)))
                .unprotectedParameter(99, CborTextString.of("not protected"))
                .sign(PAYLOAD).encode());

        assertThatThrownBy(() -> Sign1Verifier.verify(message, ED25519.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("critical parameter 99 is not in the protected header");
    }

    @Test
    void anUnderstoodCriticalParameterVerifies() throws Exception {
        CoseSign1 message = CoseSign1.decode(Sign1Builder.signingWith(ED25519)
                .protectedParameter(HeaderLabels.CRIT, CborArray.of(CborInteger.of(HeaderLabels.CONTENT_TYPE)))
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of("application/cbor"))
                .sign(PAYLOAD).encode());

        Sign1Verifier.verify(message, ED25519.verificationKey());
    }

    @Test
    void anEmptyCritIsRefused() throws Exception {
        CoseSign1 message = Sign1Builder.signingWith(ED25519)
                .protectedParameter(HeaderLabels.CRIT, CborArray.of())
                .sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(message, ED25519.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("crit must be a non-empty array of labels, found []");
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void theUnprotectedHeaderIsNotSigned(SigningKey key) throws Exception {
        CoseSign1 message = Sign1Builder.signingWith(key).sign(PAYLOAD);
        CoseSign1 relabelled = CoseSign1.decode(message.withUnprotectedHeader(CborMap.builder()
                .put(HeaderLabels.CONTENT_TYPE, CborTextString.of("text/plain")).build()).encode());

        Sign1Verifier.verify(relabelled, key.verificationKey());
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void everySingleBitFlipOfThePayloadOrTheSignatureGivesAnInvalidSignature(SigningKey key) throws Exception {
        byte[] encoded = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();
        CoseSign1 signed = CoseSign1.decode(encoded);
        Sign1Verifier.verify(signed, key.verificationKey());
        int payloadStart = Bytes.indexOf(encoded, PAYLOAD);
        int signatureStart = encoded.length - signed.signature().length;
        int flips = 0;

        for (int[] region : new int[][] {{payloadStart, PAYLOAD.length}, {signatureStart, signed.signature().length}}) {
            for (int bit = 0; bit < 8 * region[1]; bit++) {
                byte[] flipped = flipBit(encoded, 8 * region[0] + bit);
                assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(flipped), key.verificationKey()))
                        .as("bit %d of the message", 8 * region[0] + bit)
                        .isExactlyInstanceOf(VerificationException.class)
                        .hasMessage("invalid signature");
                flips++;
            }
        }
        assertThat(flips).isEqualTo(8 * (PAYLOAD.length + signed.signature().length));
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void everySingleBitFlipOfTheProtectedHeaderIsRefused(SigningKey key) throws Exception {
        byte[] encoded = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();
        CoseSign1 signed = CoseSign1.decode(encoded);
        Sign1Verifier.verify(signed, key.verificationKey());
        byte[] protectedBytes = signed.protectedHeader().encoded();
        int start = Bytes.indexOf(encoded, protectedBytes);

        for (int bit = 0; bit < 8 * protectedBytes.length; bit++) {
            byte[] flipped = flipBit(encoded, 8 * start + bit);
            assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(flipped), key.verificationKey()))
                    .as("bit %d of the protected header", bit)
                    .isInstanceOfAny(FormatException.class, VerificationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("signingKeys")
    void everySingleBitFlipOfTheCborAroundThemIsRefused(SigningKey key) throws Exception {
        // The tag, the heads and the unprotected header: the bits the two tests above do not flip.
        byte[] encoded = Sign1Builder.signingWith(key).sign(PAYLOAD).encode();
        CoseSign1 signed = CoseSign1.decode(encoded);
        Sign1Verifier.verify(signed, key.verificationKey());
        byte[] protectedBytes = signed.protectedHeader().encoded();
        int[][] coveredElsewhere = {
                {Bytes.indexOf(encoded, protectedBytes), protectedBytes.length},
                {Bytes.indexOf(encoded, PAYLOAD), PAYLOAD.length},
                {encoded.length - signed.signature().length, signed.signature().length}};
        int flips = 0;

        for (int bit = 0; bit < 8 * encoded.length; bit++) {
            int index = bit / 8;
            if (Stream.of(coveredElsewhere).anyMatch(r -> index >= r[0] && index < r[0] + r[1])) {
                continue;
            }
            byte[] flipped = flipBit(encoded, bit);
            assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(flipped), key.verificationKey()))
                    .as("bit %d of %s", bit, HexFormat.of().formatHex(flipped))
                    .isInstanceOfAny(FormatException.class, VerificationException.class);
            flips++;
        }
        // d2 (tag 18) 84 (array of 4) 58 26 (protected) a0 (unprotected) 44 (payload) 58 40 (signature)
        assertThat(flips).isEqualTo(8 * 8);
    }

    @Test
    void anotherKeyOfTheSameKindGivesAnInvalidSignature() {
        CoseSign1 edMessage = Sign1Builder.signingWith(ED25519).sign(PAYLOAD);
        CoseSign1 ecMessage = Sign1Builder.signingWith(P256).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(edMessage, TestKeys.ed25519("other").verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
        assertThatThrownBy(() -> Sign1Verifier.verify(ecMessage, TestKeys.p256("other").verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRefused() {
        CoseSign1 edMessage = Sign1Builder.signingWith(ED25519).sign(PAYLOAD);
        CoseSign1 ecMessage = Sign1Builder.signingWith(P256).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(edMessage, P256.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("algorithm EdDSA (-8) does not fit a P-256 key");
        assertThatThrownBy(() -> Sign1Verifier.verify(ecMessage, ED25519.verificationKey()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("algorithm ES256 (-7) does not fit an Ed25519 key");
    }

    @Test
    void aKeySetGivesTheKeyTheKidNames() throws Exception {
        KeySet keys = KeySet.of(ED25519.verificationKey(), P256.verificationKey());

        VerificationKey forEd = Sign1Verifier.verify(Sign1Builder.signingWith(ED25519).sign(PAYLOAD), keys, NO_AAD,
                Optional.empty());
        VerificationKey forEc = Sign1Verifier.verify(Sign1Builder.signingWith(P256).sign(PAYLOAD), keys, NO_AAD,
                Optional.empty());

        assertThat(forEd).isEqualTo(ED25519.verificationKey());
        assertThat(forEc).isEqualTo(P256.verificationKey());
    }

    @Test
    void aKeySetRefusesAKidItDoesNotHold() {
        KeySet keys = KeySet.of(P256.verificationKey());
        CoseSign1 message = Sign1Builder.signingWith(ED25519).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(message, keys, NO_AAD, Optional.empty()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("unknown key: kid " + HexFormat.of().formatHex(ED25519.kid()));
    }

    @Test
    void aKeySetUsesTheKeyUnderTheKidEvenIfAnotherKeyWouldVerify() {
        // The set names the signer's kid, but holds the wrong key under it: the kid decides, and the check fails.
        VerificationKey impostor = TestKeys.ed25519("impostor").verificationKey().withKid(ED25519.kid());
        KeySet keys = KeySet.of(impostor, ED25519.verificationKey().withKid(new byte[] {7}));
        CoseSign1 message = Sign1Builder.signingWith(ED25519).sign(PAYLOAD);

        assertThatThrownBy(() -> Sign1Verifier.verify(message, keys, NO_AAD, Optional.empty()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("invalid signature");
    }

    @Test
    void aMessageWithoutAKidCannotBeVerifiedAgainstAKeySet() throws Exception {
        byte[] protectedBytes = CborMap.builder().put(HeaderLabels.ALG, CborInteger.of(-8)).build().encode();
        CoseSign1 message = CoseSign1.decode(handSigned(ED25519, protectedBytes, CborMap.EMPTY, PAYLOAD));
        Sign1Verifier.verify(message, ED25519.verificationKey());

        assertThatThrownBy(() -> Sign1Verifier.verify(message, KeySet.of(ED25519.verificationKey()), NO_AAD,
                Optional.empty()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("the message names no key (no kid)");
    }

    /**
     * A tagged COSE_Sign1 signed by hand: the Sig_structure {@code ["Signature1", protected, h'', payload]} is built
     * with the CBOR model, not with {@link SigStructure}, and signed with the key directly.
     */
    private static byte[] handSigned(SigningKey key, byte[] protectedBytes, CborMap unprotected, byte[] payload) {
        byte[] toBeSigned = CborArray.of(CborTextString.of("Signature1"), new CborByteString(protectedBytes),
                new CborByteString(new byte[0]), new CborByteString(payload)).encode();
        return new CborTag(CoseSign1.TAG, CborArray.of(new CborByteString(protectedBytes), unprotected,
                new CborByteString(payload), new CborByteString(key.sign(toBeSigned)))).encode();
    }

    private static String hex(CborValue value) {
        return HexFormat.of().formatHex(value.encode());
    }

    private static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return copy;
    }
}
