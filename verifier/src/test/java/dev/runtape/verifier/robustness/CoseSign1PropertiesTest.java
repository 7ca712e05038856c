package dev.runtape.verifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * COSE_Sign1 parsing and verification on random bytes and on mutations of messages signed by {@link Sign1Builder}.
 * {@link CoseSign1#decode} only ever throws {@link FormatException}; and when a mutated message still parses,
 * {@link Sign1Verifier} with the original key accepts it exactly when its signed parts (protected header bytes,
 * payload, signature) came through unchanged. Only the unprotected header, the tag and the outer encoding are outside
 * the signature, so a mutation there may verify; a mutation anywhere else must not.
 */
class CoseSign1PropertiesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<SigningKey> KEYS =
            List.of(Ed25519SigningKey.generate(RANDOM), P256SigningKey.generate(RANDOM));

    /** A message as signed, its key and its bytes. */
    record Signed(SigningKey key, CoseSign1 message, byte[] encoded) {
        @Override
        public String toString() {
            return key.algorithm() + " " + Decoding.hex(encoded);
        }
    }

    @Provide
    Arbitrary<Signed> messages() {
        Arbitrary<CborValue> contentTypes = Arbitraries.oneOf(
                Arbitraries.of("application/cbor", "application/json", "text/plain; charset=utf-8")
                        .map(CborTextString::of),
                Arbitraries.integers().between(0, 65_535).map(CborInteger::of));
        Arbitrary<Map<Long, CborValue>> unprotected = Arbitraries.maps(
                Arbitraries.of(33L, 258L, 400L, -65_537L, 1_000_000L), CborArbitraries.values(1)).ofMaxSize(3);
        return Combinators.combine(
                        Arbitraries.of(KEYS),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                        contentTypes,
                        unprotected,
                        Arbitraries.of(true, false))
                .as((key, payload, contentType, extra, tagged) -> {
                    Sign1Builder builder =
                            Sign1Builder.signingWith(key).protectedParameter(HeaderLabels.CONTENT_TYPE, contentType);
                    extra.forEach(builder::unprotectedParameter);
                    if (!tagged) {
                        builder.untagged();
                    }
                    CoseSign1 message = builder.sign(payload);
                    return new Signed(key, message, message.encode());
                });
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    @Property(tries = 1000)
    void randomBytesParseOrFailWithFormatException(@ForAll @Size(max = 200) byte[] input) {
        Decoding.attempt("CoseSign1.decode", input, () -> CoseSign1.decode(input));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void mutatedMessagesFailToParseOrVerifyExactlyWhenTheirSignedPartsAreIntact(
            @ForAll("messages") Signed signed, @ForAll("mutations") List<Mutation> mutations) {
        checkMutated(signed, Mutation.applyAll(mutations, signed.encoded()));
    }

    /** Bit flips and byte changes inside the encoded unprotected header only. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutationsOfTheUnprotectedHeaderFailToParseOrVerifyExactlyWhenTheSignedPartsAreIntact(
            @ForAll("messages") Signed signed,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 1 << 20) Integer> positions,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 255) Integer> values) {
        int start = (signed.message().isTagged() ? 1 : 0) + 1
                + new CborByteString(signed.message().protectedHeader().encoded()).encode().length;
        int length = signed.message().unprotectedHeader().encode().length;
        byte[] mutated = signed.encoded().clone();
        for (int i = 0; i < positions.size(); i++) {
            mutated[start + positions.get(i) % length] ^= (byte) (int) values.get(i);
        }
        checkMutated(signed, mutated);
    }

    /** Any new unprotected header, written at the CBOR level: the message still verifies. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void anotherUnprotectedHeaderStillVerifies(
            @ForAll("messages") Signed signed,
            @ForAll("unprotectedHeaders") CborMap unprotected) throws FormatException, VerificationException {
        byte[] encoded = signed.message().withUnprotectedHeader(unprotected).encode();
        CoseSign1 decoded = CoseSign1.decode(encoded);
        Sign1Verifier.verify(decoded, signed.key().verificationKey());
    }

    @Provide
    Arbitrary<CborMap> unprotectedHeaders() {
        // Labels other than those of the protected header (alg 1, content type 3, kid 4), which may not be repeated,
        // and other than crit (2), which is refused outside the protected header.
        Arbitrary<CborValue> labels = Arbitraries.oneOf(
                Arbitraries.longs().filter(l -> l < 1 || l > 4).map(CborInteger::of),
                CborArbitraries.texts().map(CborTextString::of));
        return Arbitraries.maps(labels, CborArbitraries.values(2)).ofMaxSize(4).map(CborMap::new);
    }

    @Example
    void aChangedPayloadOrSignatureDoesNotVerify() throws FormatException {
        for (SigningKey key : KEYS) {
            byte[] encoded = Sign1Builder.signingWith(key).sign(new byte[] {1, 2, 3}).encode();
            int signatureLength = CoseSign1.decode(encoded).signature().length; // 64 for both: head 58 40
            byte[] signature = encoded.clone();
            signature[signature.length - 1] ^= 1;
            byte[] payload = encoded.clone();
            payload[encoded.length - signatureLength - 3] ^= 1; // the last payload byte, 03, before the head
            for (byte[] mutated : List.of(signature, payload)) {
                CoseSign1 decoded = CoseSign1.decode(mutated);
                assertThatThrownBy(() -> Sign1Verifier.verify(decoded, key.verificationKey()))
                        .isInstanceOf(VerificationException.class);
            }
        }
    }

    /**
     * Parses {@code mutated}; if it parses, verifies it with the key of {@code signed} and checks that it verifies
     * if and only if the protected header bytes, the payload and the signature are those that were signed (and no
     * {@code crit} stands in the unprotected header, which is refused on its own).
     */
    static void checkMutated(Signed signed, byte[] mutated) {
        Decoding.Outcome<CoseSign1> parsed =
                Decoding.attempt("CoseSign1.decode", mutated, () -> CoseSign1.decode(mutated));
        if (!parsed.ok()) {
            return;
        }
        CoseSign1 original = signed.message();
        CoseSign1 decoded = parsed.get();
        boolean intact = Arrays.equals(decoded.protectedHeader().encoded(), original.protectedHeader().encoded())
                && decoded.payload().map(p -> Arrays.equals(p, original.payload().orElseThrow())).orElse(false)
                && Arrays.equals(decoded.signature(), original.signature());
        VerificationException refusal = null;
        try {
            Sign1Verifier.verify(decoded, signed.key().verificationKey());
        } catch (VerificationException e) {
            refusal = e;
        }
        boolean critUnprotected = decoded.unprotectedHeader().get(HeaderLabels.CRIT).isPresent();
        if (intact && critUnprotected) {
            // RFC 9052 §3.1: crit must be protected; the verifier refuses it anywhere else, whatever is signed.
            assertThat(refusal).as("crit in the unprotected header was accepted; mutated %s", Decoding.hex(mutated))
                    .hasMessage("crit must be a protected header parameter (RFC 9052 §3.1)");
        } else if (intact) {
            assertThat(refusal).as("a message whose signed parts are intact was refused; mutated %s from %s",
                    Decoding.hex(mutated), signed).isNull();
        } else {
            assertThat(refusal).as("a message whose signed parts changed verified; mutated %s from %s",
                    Decoding.hex(mutated), signed).isNotNull();
        }
    }
}
