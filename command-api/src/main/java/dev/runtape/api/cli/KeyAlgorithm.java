package dev.runtape.api.cli;

import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.security.SecureRandom;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The algorithms a statement may be signed with (decision 0003), as the command line names them. */
enum KeyAlgorithm {
    ED25519,
    ES256;

    SigningKey generate(SecureRandom random) {
        return this == ED25519 ? Ed25519SigningKey.generate(random) : P256SigningKey.generate(random);
    }

    /** The name the server's API takes. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ed25519} or {@code es256}, in any case. */
    static final class Converter implements ITypeConverter<KeyAlgorithm> {
        @Override
        public KeyAlgorithm convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "ed25519" -> ED25519;
                case "es256" -> ES256;
                default -> throw new TypeConversionException("the algorithm is ed25519 or es256, not " + value);
            };
        }
    }
}
