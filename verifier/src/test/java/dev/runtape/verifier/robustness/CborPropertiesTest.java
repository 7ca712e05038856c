package dev.runtape.verifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborException;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborEncoder;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * The CBOR codec on random trees, random bytes and mutated encodings: round trips are exact, the decoder only ever
 * throws {@link FormatException}, never hangs, and the profiles nest (what a strict profile reads, the looser ones
 * read too, to the same value, and it re-encodes to the very bytes read).
 */
class CborPropertiesTest {

    @Provide
    Arbitrary<CborValue> trees() {
        return CborArbitraries.values(4);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    /** Random bytes that lean towards CBOR heads, so that the decoder gets past the first byte more often. */
    @Provide
    Arbitrary<byte[]> cborish() {
        Arbitrary<Byte> interesting = Arbitraries.of(ByteLists.boxed(Mutation.INTERESTING));
        Arbitrary<Byte> small = Arbitraries.bytes().between((byte) 0, (byte) 0x1B);
        return Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(2, small), Tuple.of(3, Arbitraries.bytes()))
                .list().ofMaxSize(48)
                .map(ByteLists::unboxed);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void deterministicEncodingDecodesToAnEqualValueAndTheSameBytes(@ForAll("trees") CborValue value)
            throws CborException {
        byte[] encoded = CborEncoder.encode(value);
        for (CborProfile profile : List.of(CborProfile.WELL_FORMED, CborProfile.DETERMINISTIC)) {
            CborValue decoded = CborDecoder.decode(encoded, profile);
            assertThat(decoded).as("decoded under %s from %s", profile, HexFormat.of().formatHex(encoded))
                    .isEqualTo(value);
            assertThat(CborEncoder.encode(decoded)).isEqualTo(encoded);
        }
    }

    /** dCBOR's encoding may change a value (1.0 becomes 1); what it writes then reads back to the same bytes. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void dcborEncodingIsReadUnderDcborAndReEncodesToTheSameBytes(@ForAll("trees") CborValue value)
            throws CborException {
        byte[] encoded;
        try {
            encoded = CborEncoder.encode(value, CborProfile.DCBOR);
        } catch (IllegalArgumentException outsideDcbor) {
            return; // an integer below -2^63, or two keys that dCBOR's reduction makes equal: documented refusals
        }
        CborValue decoded = CborDecoder.decode(encoded, CborProfile.DCBOR);
        assertThat(CborEncoder.encode(decoded, CborProfile.DCBOR)).isEqualTo(encoded);
        assertThat(CborDecoder.decode(encoded, CborProfile.DETERMINISTIC)).isEqualTo(decoded);
    }

    @Property(tries = 1000)
    void randomBytesAreReadOrRefusedAndTheProfilesNest(@ForAll @Size(max = 64) byte[] input) {
        checkProfilesNest(input);
    }

    @Property(tries = 1000)
    void cborLikeBytesAreReadOrRefusedAndTheProfilesNest(@ForAll("cborish") byte[] input) {
        checkProfilesNest(input);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void mutatedEncodingsAreReadOrRefusedAndTheProfilesNest(
            @ForAll("trees") CborValue value, @ForAll("mutations") List<Mutation> mutations) {
        checkProfilesNest(Mutation.applyAll(mutations, CborEncoder.encode(value)));
    }

    /**
     * Decodes {@code input} under every profile and checks: only {@link FormatException} and within the time limit
     * ({@link Decoding}); DCBOR reads only what DETERMINISTIC reads, which reads only what WELL_FORMED reads, all to
     * the same value; and what a strict profile reads re-encodes to exactly {@code input}.
     */
    static void checkProfilesNest(byte[] input) {
        Decoding.Outcome<CborValue> wellFormed =
                Decoding.attempt("decode WELL_FORMED", input, () -> CborDecoder.decode(input, CborProfile.WELL_FORMED));
        Decoding.Outcome<CborValue> deterministic = Decoding.attempt("decode DETERMINISTIC", input,
                () -> CborDecoder.decode(input, CborProfile.DETERMINISTIC));
        Decoding.Outcome<CborValue> dcbor =
                Decoding.attempt("decode DCBOR", input, () -> CborDecoder.decode(input, CborProfile.DCBOR));
        Object hex = new Object() {
            @Override
            public String toString() {
                return Decoding.hex(input);
            }
        };
        if (deterministic.ok()) {
            assertThat(wellFormed.ok()).as("WELL_FORMED refuses %s, which DETERMINISTIC reads: %s", hex,
                    wellFormed.failure()).isTrue();
            assertThat(deterministic.get()).as("DETERMINISTIC and WELL_FORMED values of %s", hex)
                    .isEqualTo(wellFormed.get());
            assertThat(CborEncoder.encode(deterministic.get())).as("re-encoding of %s", hex).isEqualTo(input);
        }
        if (dcbor.ok()) {
            assertThat(deterministic.ok()).as("DETERMINISTIC refuses %s, which DCBOR reads: %s", hex,
                    deterministic.failure()).isTrue();
            assertThat(dcbor.get()).as("DCBOR and DETERMINISTIC values of %s", hex).isEqualTo(deterministic.get());
            assertThat(CborEncoder.encode(dcbor.get(), CborProfile.DCBOR)).as("dCBOR re-encoding of %s", hex)
                    .isEqualTo(input);
        }
    }
}
