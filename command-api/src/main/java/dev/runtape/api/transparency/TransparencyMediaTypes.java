package dev.runtape.api.transparency;

import org.springframework.http.MediaType;

/** The media types of signed things: COSE messages (RFC 9052), COSE key sets, JWK Sets (RFC 7517) and CBOR. */
public final class TransparencyMediaTypes {

    public static final String COSE_VALUE = "application/cose";
    public static final String COSE_KEY_VALUE = "application/cose-key";
    public static final String COSE_KEY_SET_VALUE = "application/cose-key-set";
    public static final String JWK_SET_VALUE = "application/jwk-set+json";
    public static final String CBOR_VALUE = "application/cbor";

    public static final MediaType COSE = MediaType.parseMediaType(COSE_VALUE);
    public static final MediaType COSE_KEY_SET = MediaType.parseMediaType(COSE_KEY_SET_VALUE);
    public static final MediaType JWK_SET = MediaType.parseMediaType(JWK_SET_VALUE);
    public static final MediaType CBOR = MediaType.parseMediaType(CBOR_VALUE);

    private TransparencyMediaTypes() {
    }
}
