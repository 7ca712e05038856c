package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A salted disclosure (common.cddl, {@code disclosure}): a random 16-byte salt and a value, encoded together as the
 * deterministic CBOR array {@code [salt, value]}. Its digest, SHA-256 of that encoding, is what a payload signs; the
 * salt keeps a short value (a yes, a name) from being guessed from the digest.
 */
public final class Disclosure {

    /** Bytes of salt: 128 bits, as SD-JWT recommends. */
    public static final int SALT_LENGTH = 16;

    private final byte[] salt;
    private final CborValue value;
    private final byte[] encoded;

    private Disclosure(byte[] salt, CborValue value) {
        this(salt, value, CborArray.of(new CborByteString(salt), value).encode());
    }

    private Disclosure(byte[] salt, CborValue value, byte[] encoded) {
        this.salt = salt;
        this.value = value;
        this.encoded = encoded;
    }

    /** A disclosure of {@code value} under a fresh salt from {@code random}. */
    public static Disclosure withRandomSalt(CborValue value, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return new Disclosure(salt, value);
    }

    /** The disclosure of {@code value} under a given salt. */
    public static Disclosure of(byte[] salt, CborValue value) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("a salt has " + SALT_LENGTH + " bytes, not " + salt.length);
        }
        return new Disclosure(salt.clone(), value);
    }

    /**
     * The disclosure encoded in {@code bytes}.
     *
     * @throws FormatException if they are not the deterministic encoding of {@code [bstr .size 16, any]}
     */
    public static Disclosure decode(byte[] bytes) throws FormatException {
        CborValue decoded = CborInput.decode(bytes, CborProfile.DETERMINISTIC, "disclosure");
        if (!(decoded instanceof CborArray array) || array.size() != 2) {
            throw new FormatException("disclosure: expected an array of 2 items [salt, value], found " + decoded);
        }
        if (!(array.get(0) instanceof CborByteString salt) || salt.length() != SALT_LENGTH) {
            throw new FormatException("disclosure: expected a " + SALT_LENGTH + "-byte salt, found " + array.get(0));
        }
        // Decoded as deterministic CBOR, the bytes are the encoding: a copy of them saves encoding it again.
        return new Disclosure(salt.bytes(), array.get(1), bytes.clone());
    }

    public byte[] salt() {
        return salt.clone();
    }

    public CborValue value() {
        return value;
    }

    /** The deterministic encoding, as stored and exported. */
    public byte[] encode() {
        return encoded.clone();
    }

    /** SHA-256 of the encoding: what a {@link ContentRef} names. */
    public Digest digest() {
        return Digest.sha256(encoded);
    }

    /**
     * The size a {@link ContentRef} gives for this value: the bytes of a byte string, the UTF-8 bytes of a text, the
     * encoding of anything else.
     */
    public long valueSize() {
        return switch (value) {
            case CborByteString bytes -> bytes.length();
            case CborTextString text -> text.value().getBytes(StandardCharsets.UTF_8).length;
            default -> value.encode().length;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Disclosure that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Names the digest only: a disclosure's value is what redaction protects, so it stays out of logs. */
    @Override
    public String toString() {
        return "Disclosure[" + digest().hex() + "]";
    }
}
