package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormTest {

    @Test
    void theDigestsHashedInPlaceAreThoseOfTheReEncodedLogForm() throws FormatException {
        TestBundle bundle = BundleGenerator.generate(BundleGenerator.Config.small()).bundle();
        assertThat(bundle.statements()).hasSizeGreaterThan(10);
        for (byte[] bytes : bundle.statements()) {
            StatementFacts statement = StatementFacts.read(bytes);
            Map<CborValue, CborValue> unprotected = new LinkedHashMap<>(statement.message().unprotectedHeader().entries());
            assertThat(unprotected.remove(CborInteger.of(HeaderLabels.RECEIPTS))).isNotNull();
            byte[] logForm = statement.message().withUnprotectedHeader(new CborMap(unprotected)).encode();

            assertThat(statement.digest()).isEqualTo(Digest.sha256(logForm));
            assertThat(statement.leafHash()).isEqualTo(Rfc9162Hasher.hashLeaf(logForm));
        }
    }
}
