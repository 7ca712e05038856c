package dev.runtape.verifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.Curve;
import dev.runtape.verifier.keys.EcdsaVerificationKey;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.PemPublicKeys;
import dev.runtape.verifier.keys.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Public key decoders on random and mutated input: {@link CoseKeyCodec#decode(byte[])} and
 * {@link CoseKeyCodec#decodeSet} on bytes, {@link JwkCodec#decode(String)}, {@link JwkCodec#decodeSet} and
 * {@link PemPublicKeys#decode} on text.
 * They return a key or throw {@link FormatException}, and nothing else, within the time limit.
 */
class KeyCodecPropertiesTest {

    /** One key on every curve the verifier reads. */
    private static final List<VerificationKey> KEYS = keysOnEveryCurve();

    @Provide
    Arbitrary<byte[]> coseKeys() {
        return Arbitraries.of(KEYS).map(key -> CoseKeyCodec.encode(key).encode());
    }

    @Provide
    Arbitrary<byte[]> coseKeySets() {
        return Arbitraries.of(KEYS).list().ofMinSize(1).ofMaxSize(3)
                .map(keys -> CoseKeyCodec.encodeSet(new KeySet(keys)).encode());
    }

    @Provide
    Arbitrary<String> jwks() {
        return Arbitraries.of(KEYS).map(key -> JwkCodec.encode(key).toString());
    }

    @Provide
    Arbitrary<String> jwkSets() {
        return Arbitraries.of(KEYS).list().ofMinSize(1).ofMaxSize(3)
                .map(keys -> JwkCodec.encodeSet(new KeySet(keys)).toString());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    /** Edits of JSON text: the byte mutations, and insertions of JSON tokens and JWK members. */
    @Provide
    Arbitrary<List<Mutation>> jsonMutations() {
        Arbitrary<Mutation> tokens = Combinators.combine(
                        Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\\u00", "\\ud800", "null", "true",
                                "-0", "1e999999999", "0.0000001", "\"d\":\"AAAA\",", "\"kty\":\"EC\",",
                                "\"crv\":\"P-521\",", "\"x\":", "\"alg\":\"ES512\",", "\"kid\":\"\",", "\u00e9",
                                "\ud83d\ude00", "\u0000", "AAAA", "=", "+/", "_-"))
                .as((position, token) -> new Mutation.Insert(position, token.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(Tuple.of(2, Mutation.any()), Tuple.of(1, tokens))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 1000)
    void randomBytesAreAKeyOrFormatException(@ForAll @Size(max = 200) byte[] input) {
        Decoding.attempt("CoseKeyCodec.decode", input, () -> CoseKeyCodec.decode(input));
        Decoding.attempt("CoseKeyCodec.decodeSet", input, () -> CoseKeyCodec.decodeSet(input));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void mutatedCoseKeysAreAKeyOrFormatException(
            @ForAll("coseKeys") byte[] key, @ForAll("mutations") List<Mutation> mutations) {
        byte[] input = Mutation.applyAll(mutations, key);
        Decoding.attempt("CoseKeyCodec.decode", input, () -> CoseKeyCodec.decode(input));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutatedCoseKeySetsAreKeysOrFormatException(
            @ForAll("coseKeySets") byte[] keys, @ForAll("mutations") List<Mutation> mutations) {
        byte[] input = Mutation.applyAll(mutations, keys);
        Decoding.attempt("CoseKeyCodec.decodeSet", input, () -> CoseKeyCodec.decodeSet(input));
    }

    /** Every COSE_Key map made of random CBOR, not only those that come from a mutation of a real one. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void randomCborIsAKeyOrFormatException(@ForAll("keyLikeMaps") CborValue map) {
        byte[] input = map.encode();
        Decoding.attempt("CoseKeyCodec.decode", input, () -> CoseKeyCodec.decode(input));
    }

    @Provide
    Arbitrary<CborValue> keyLikeMaps() {
        Arbitrary<CborValue> labels = Arbitraries.of(-4L, -3L, -2L, -1L, 1L, 2L, 3L, 4L)
                .map(CborInteger::of);
        Arbitrary<CborValue> values = Arbitraries.oneOf(
                CborArbitraries.leaves(),
                Arbitraries.of(-36L, -35L, -8L, -7L, 1L, 2L, 3L, 6L, 7L).map(CborInteger::of),
                Arbitraries.bytes().array(byte[].class).ofMinSize(30).ofMaxSize(70)
                        .map(CborByteString::new));
        return Arbitraries.maps(labels, values).ofMaxSize(7).map(CborMap::new);
    }

    @Property(tries = 1000)
    void randomStringsAreAJwkOrFormatException(@ForAll @Size(max = 100) String input) {
        Decoding.attempt("JwkCodec.decode", () -> input, () -> JwkCodec.decode(input));
        Decoding.attempt("JwkCodec.decodeSet", () -> input, () -> JwkCodec.decodeSet(input));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void mutatedJwksAreAKeyOrFormatException(
            @ForAll("jwks") String jwk, @ForAll("jsonMutations") List<Mutation> mutations) {
        String input = new String(Mutation.applyAll(mutations, jwk.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        Decoding.attempt("JwkCodec.decode", () -> input, () -> JwkCodec.decode(input));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutatedJwkSetsAreKeysOrFormatException(
            @ForAll("jwkSets") String jwks, @ForAll("jsonMutations") List<Mutation> mutations) {
        String input = new String(Mutation.applyAll(mutations, jwks.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        Decoding.attempt("JwkCodec.decodeSet", () -> input, () -> JwkCodec.decodeSet(input));
    }

    @Provide
    Arbitrary<String> pems() {
        return Arbitraries.of(PEMS);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void mutatedPemsAreAKeyOrFormatException(
            @ForAll("pems") String pem, @ForAll("mutations") List<Mutation> mutations) {
        String input = new String(Mutation.applyAll(mutations, pem.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        Decoding.attempt("PemPublicKeys.decode", () -> input, () -> PemPublicKeys.decode(input));
    }

    @Property(tries = 300)
    void randomTextInAPemBlockIsAKeyOrFormatException(@ForAll @Size(max = 120) String body) {
        String input = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        Decoding.attempt("PemPublicKeys.decode", () -> input, () -> PemPublicKeys.decode(input));
    }

    /** JSON built to strain a parser: deep nesting, huge numbers, field names of one hash code. */
    @Example
    void hostileJsonIsRefusedWithFormatException() {
        List<String> inputs = new ArrayList<>();
        inputs.add("[".repeat(100_000));
        inputs.add("{\"a\":".repeat(100_000));
        inputs.add("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":" + "9".repeat(2_000_000) + "}");
        inputs.add("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":1e" + "9".repeat(100_000) + "}");
        StringBuilder colliding = new StringBuilder("{\"kty\":\"OKP\"");
        for (int i = 0; i < 4096; i++) {
            colliding.append(",\"");
            for (int b = 11; b >= 0; b--) {
                colliding.append(((i >>> b) & 1) == 0 ? "Ab" : "BA"); // one hash code for Jackson's symbol table
            }
            colliding.append("\":1");
        }
        inputs.add(colliding.append('}').toString());
        for (String input : inputs) {
            Decoding.Outcome<VerificationKey> outcome = Decoding.attempt("JwkCodec.decode",
                    () -> input.substring(0, 60) + "... (" + input.length() + " chars)", () -> JwkCodec.decode(input));
            assertThat(outcome.ok()).isFalse();
        }
    }

    /**
     * Regression: Jackson's shared symbol table, left inconsistent by its refusal of member names chosen to collide,
     * made later JWKs fail at random with an IllegalStateException. JwkCodec no longer canonicalizes member names.
     */
    @Example
    void aJwkWithCollidingMemberNamesDoesNotBreakLaterOnes() {
        StringBuilder colliding = new StringBuilder("{\"kty\":\"OKP\"");
        for (int i = 0; i < 4096; i++) {
            colliding.append(",\"");
            for (int b = 11; b >= 0; b--) {
                colliding.append(((i >>> b) & 1) == 0 ? "Ab" : "BA");
            }
            colliding.append("\":1");
        }
        String hostile = colliding.append('}').toString();
        Decoding.attempt("JwkCodec.decode", () -> "4096 colliding member names", () -> JwkCodec.decode(hostile));
        for (int i = 0; i < 5000; i++) {
            String later = "{\"f" + i + "\":1,\"g" + i + "\":2,\"kty\":\"OKP\"}";
            Decoding.attempt("JwkCodec.decode", () -> later, () -> JwkCodec.decode(later));
        }
    }

    @Example
    void everyKeyRoundTrips() throws FormatException {
        for (VerificationKey key : KEYS) {
            assertThat(CoseKeyCodec.decode(CoseKeyCodec.encode(key).encode())).isEqualTo(key);
            assertThat(JwkCodec.decode(JwkCodec.encode(key).toString())).isEqualTo(key);
        }
        for (String pem : PEMS) {
            PemPublicKeys.decode(pem);
        }
        CborValue set = CoseKeyCodec.encodeSet(new KeySet(KEYS));
        assertThat(((CborArray) set).size()).isEqualTo(KEYS.size());
    }

    /** PEM public keys on every curve, from the JDK's key generators. */
    private static final List<String> PEMS = pemsOnEveryCurve();

    private static List<String> pemsOnEveryCurve() {
        List<String> pems = new ArrayList<>();
        try {
            for (String algorithm : List.of("Ed25519", "Ed448")) {
                pems.add(pem(KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPublic().getEncoded()));
            }
            for (String curve : List.of("secp256r1", "secp384r1", "secp521r1")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(curve));
                pems.add(pem(generator.generateKeyPair().getPublic().getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return pems;
    }

    private static String pem(byte[] subjectPublicKeyInfo) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static List<VerificationKey> keysOnEveryCurve() {
        SecureRandom random = new SecureRandom();
        try {
            return List.of(
                    Ed25519SigningKey.generate(random).verificationKey(),
                    EdDsaVerificationKey.of(Curve.ED448,
                            new Ed448PrivateKeyParameters(random).generatePublicKey().getEncoded()),
                    P256SigningKey.generate(random).verificationKey(),
                    ecdsa(Curve.P_384, "secp384r1", random),
                    ecdsa(Curve.P_521, "secp521r1", random));
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
    }

    private static EcdsaVerificationKey ecdsa(Curve curve, String name, SecureRandom random) throws FormatException {
        X9ECParameters parameters = CustomNamedCurves.getByName(name);
        BigInteger d = new BigInteger(parameters.getN().bitLength() - 1, random).add(BigInteger.ONE);
        ECPoint q = parameters.getG().multiply(d).normalize();
        int length = curve.coordinateLength();
        return EcdsaVerificationKey.of(curve, fixed(q.getAffineXCoord().toBigInteger(), length),
                fixed(q.getAffineYCoord().toBigInteger(), length));
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
