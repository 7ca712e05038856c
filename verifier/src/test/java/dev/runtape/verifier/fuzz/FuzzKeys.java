package dev.runtape.verifier.fuzz;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import java.util.HexFormat;

/**
 * The fixed keys that signed the COSE_Sign1 seeds (test keys, public by design): the fuzz targets verify with them,
 * so that the seed messages take the path where the signature is good.
 */
final class FuzzKeys {

    static final Ed25519SigningKey ED25519;
    static final P256SigningKey P256;

    static {
        try {
            ED25519 = Ed25519SigningKey.of(HexFormat.of().parseHex(
                    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), SecretKeyAccess.insecure());
            P256 = P256SigningKey.of(HexFormat.of().parseHex(
                    "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"), SecretKeyAccess.insecure());
        } catch (FormatException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FuzzKeys() {
    }
}
