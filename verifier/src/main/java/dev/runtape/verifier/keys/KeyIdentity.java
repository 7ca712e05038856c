package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import java.security.MessageDigest;

/**
 * What names a public key, whatever its algorithm: its curve, its RFC 9679 thumbprint, and its key id (the
 * thumbprint unless it was given another). Both kinds of {@link VerificationKey} stand on it.
 */
abstract class KeyIdentity {

    final Curve curve;
    final Digest thumbprint;
    final byte[] kid;

    /** A key id of no bytes stands for none given: the key is then named by its thumbprint. */
    KeyIdentity(Curve curve, Digest thumbprint, byte[] kid) {
        this.curve = curve;
        this.thumbprint = thumbprint;
        this.kid = kid.length == 0 ? thumbprint.bytes() : kid;
    }

    public final Curve curve() {
        return curve;
    }

    public final byte[] kid() {
        return kid.clone();
    }

    public final Digest thumbprint() {
        return thumbprint;
    }

    /** Whether {@code other} goes by the same key id. */
    final boolean sameKid(KeyIdentity other) {
        return MessageDigest.isEqual(kid, other.kid);
    }

    @Override
    public final int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public final String toString() {
        return curve + " public key " + thumbprint.hex();
    }
}
