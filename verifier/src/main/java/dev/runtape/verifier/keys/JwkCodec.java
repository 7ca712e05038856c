package dev.runtape.verifier.keys;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Public keys as JWK (RFC 7517; OKP keys per RFC 8037) and JWK Set.
 *
 * <p>A JWK {@code kid} is text and a COSE {@code kid} is bytes. A 32-byte kid (an RFC 9679 thumbprint, as Runtape
 * names its keys) is written in base64url without padding; any other kid must be UTF-8 text and is written as that
 * text, the convention of the cose-wg examples ({@code "11"} is {@code h'3131'}). Reading reverses this: a kid
 * that is base64url of exactly 32 bytes is those bytes, any other kid is its UTF-8 bytes
 * ({@code docs/decisions/0003-keys-and-key-ids.md}).
 */
public final class JwkCodec {

    /**
     * Refuses text after the JSON value ({@code {...} trailing} is not a JWK), and does without Jackson's
     * canonicalization of member names: its shared symbol table refuses names chosen to collide (good), but is left
     * inconsistent by that refusal, so that later, unrelated JWKs fail at random with an IllegalStateException
     * ("Internal error on SymbolTable.rehash()"). Member names are few; interning buys nothing.
     */
    private static final ObjectMapper JSON =
            new ObjectMapper(JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final int THUMBPRINT_LENGTH = 32;
    /** Unpadded base64url of exactly 32 bytes: 43 characters, the last carrying 2 bits. */
    private static final Pattern BASE64URL_32 = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");

    private JwkCodec() {
    }

    public static ObjectNode encode(VerificationKey key) {
        ObjectNode jwk = JSON.createObjectNode()
                .put("kty", key.curve().keyType().jwkName())
                .put("crv", key.curve().jwkName());
        switch (key) {
            case EdDsaVerificationKey ed -> jwk.put("x", B64.encodeToString(ed.x()));
            case EcdsaVerificationKey ec -> jwk.put("x", B64.encodeToString(ec.x())).put("y", B64.encodeToString(ec.y()));
        }
        return jwk.put("kid", jwkKid(key.kid())).put("alg", key.algorithm().joseName()).put("use", "sig");
    }

    public static ObjectNode encodeSet(KeySet keys) {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode array = set.putArray("keys");
        keys.keys().forEach(key -> array.add(encode(key)));
        return set;
    }

    /** A JWK from its JSON text. */
    public static VerificationKey decode(String json) throws FormatException {
        return decode(parse(json, "JWK"));
    }

    /**
     * A public key from a JWK object.
     *
     * @throws FormatException naming the member that is missing, malformed or unsupported
     */
    public static VerificationKey decode(JsonNode jwk) throws FormatException {
        if (!jwk.isObject()) {
            throw new FormatException("JWK: expected a JSON object");
        }
        if (jwk.has("d")) {
            throw new FormatException("JWK: holds a private key (member d); only public keys are accepted here");
        }
        String kty = text(jwk, "kty");
        String crv = text(jwk, "crv");
        Curve curve = Curve.ofJwk(kty, crv).orElseThrow(() ->
                new FormatException("JWK: unsupported kty " + kty + " with crv " + crv
                        + " (supported: OKP with Ed25519 or Ed448, EC with P-256, P-384 or P-521)"));
        if (jwk.has("alg") && SignatureAlgorithm.ofJoseName(text(jwk, "alg")).filter(curve::accepts).isEmpty()) {
            throw new FormatException("JWK: alg " + text(jwk, "alg") + " does not fit a key on " + curve);
        }
        byte[] x = base64url(jwk, "x");
        VerificationKey key;
        try {
            key = switch (curve.keyType()) {
                case OKP -> EdDsaVerificationKey.of(curve, x);
                case EC2 -> EcdsaVerificationKey.of(curve, x, base64url(jwk, "y"));
            };
        } catch (FormatException e) {
            throw e.getMessage().startsWith("JWK") ? e : e.within("JWK");
        }
        return jwk.has("kid") ? key.withKid(coseKid(text(jwk, "kid"))) : key;
    }

    /** A JWK Set from its JSON text. */
    public static KeySet decodeSet(String json) throws FormatException {
        JsonNode set = parse(json, "JWK Set");
        JsonNode keys = set.get("keys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw new FormatException("JWK Set: expected a non-empty array \"keys\"");
        }
        List<VerificationKey> decoded = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                decoded.add(decode(keys.get(i)));
            } catch (FormatException e) {
                throw e.within("JWK Set: keys[" + i + "]");
            }
        }
        return new KeySet(decoded);
    }

    /**
     * The JWK form of a COSE kid.
     *
     * @throws IllegalArgumentException if the kid is neither 32 bytes nor UTF-8 text: it has no JWK form
     */
    static String jwkKid(byte[] kid) {
        if (kid.length == THUMBPRINT_LENGTH) {
            return B64.encodeToString(kid);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(kid))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a kid of " + kid.length + " bytes that are not UTF-8 text has no JWK form", e);
        }
    }

    /** The COSE kid bytes of a JWK kid. */
    static byte[] coseKid(String kid) {
        if (BASE64URL_32.matcher(kid).matches()) {
            return B64_DECODER.decode(kid);
        }
        return kid.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json, String what) throws FormatException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FormatException(what + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode jwk, String member) throws FormatException {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isTextual()) {
            throw new FormatException("JWK: member " + member + " must be a string");
        }
        return value.asText();
    }

    private static byte[] base64url(JsonNode jwk, String member) throws FormatException {
        String text = text(jwk, member);
        try {
            return B64_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new FormatException("JWK: member " + member + " is not base64url: " + e.getMessage(), e);
        }
    }
}
