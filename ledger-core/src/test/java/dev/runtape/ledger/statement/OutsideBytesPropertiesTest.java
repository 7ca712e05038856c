package dev.runtape.ledger.statement;

import static dev.runtape.ledger.statement.StatementFixtures.header;
import static dev.runtape.ledger.statement.StatementFixtures.taskDefined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.keys.KeySetCodec;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.keys.TestKeys;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.SigningKey;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The parsers of outside bytes in this package and the key set codec, on random and mutated input: each throws only
 * its declared exception, and no changed statement is accepted.
 */
class OutsideBytesPropertiesTest {

    private static final SigningKey KEY = TestKeys.ed25519(1);
    private static final byte[] SIGNED = StatementSigner.sign(header(KEY).build(), taskDefined(), KEY).bytes();
    private static final StatementChecker CHECKER = checker();

    private static StatementChecker checker() {
        ProducerKeyRegistry producers = ProducerKeyRegistry.empty();
        producers.register(StatementFixtures.PRINCIPAL, KEY.verificationKey(), StatementFixtures.IAT);
        return new StatementChecker(producers);
    }

    @Property(tries = 500)
    void randomBytesAreRefusedAsMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            CHECKER.check(bytes);
            throw new AssertionError("accepted random bytes");
        } catch (StatementRejectedException e) {
            assertThat(e.rejection()).isIn(Rejection.MALFORMED, Rejection.SCHEMA_INVALID);
        }
    }

    @Property(tries = 500)
    void aStatementWithAByteReplacedIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll byte value) {
        byte[] changed = SIGNED.clone();
        int at = position % changed.length;
        if (changed[at] == value) {
            return;
        }
        changed[at] = value;
        expectRefused(changed);
    }

    @Property(tries = 300)
    void aStatementWithBytesCutOutOrInsertedIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @Size(min = 1, max = 4) byte[] inserted, @ForAll boolean cut) {
        int at = position % SIGNED.length;
        byte[] changed;
        if (cut) {
            int end = Math.min(SIGNED.length, at + inserted.length);
            changed = new byte[SIGNED.length - (end - at)];
            System.arraycopy(SIGNED, 0, changed, 0, at);
            System.arraycopy(SIGNED, end, changed, at, SIGNED.length - end);
        } else {
            changed = new byte[SIGNED.length + inserted.length];
            System.arraycopy(SIGNED, 0, changed, 0, at);
            System.arraycopy(inserted, 0, changed, at, inserted.length);
            System.arraycopy(SIGNED, at, changed, at + inserted.length, SIGNED.length - at);
        }
        if (changed.length == 0 || Arrays.equals(changed, SIGNED)) {
            return;
        }
        expectRefused(changed);
    }

    @Property(tries = 500)
    void aDisclosureDecoderThrowsOnlyFormatException(@ForAll @Size(max = 100) byte[] bytes) {
        try {
            Disclosure.decode(bytes);
        } catch (FormatException expected) {
            // declared
        }
    }

    @Property(tries = 200)
    void disclosuresOfAnyTextOrBytesReadBack(@ForAll String text, @ForAll @Size(max = 64) byte[] bytes,
            @ForAll @Size(value = 16) byte[] salt) throws Exception {
        Disclosure ofText = Disclosure.of(salt, CborTextString.of(text));
        Disclosure ofBytes = Disclosure.of(salt, new CborByteString(bytes));
        assertThat(Disclosure.decode(ofText.encode())).isEqualTo(ofText);
        assertThat(Disclosure.decode(ofBytes.encode())).isEqualTo(ofBytes);
    }

    @Property(tries = 500)
    void theKeySetDecoderThrowsOnlyFormatException(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            KeySetCodec.decode(bytes);
        } catch (FormatException expected) {
            // declared
        }
    }

    private static void expectRefused(byte[] statement) {
        try {
            CHECKER.check(statement);
            throw new AssertionError("accepted a changed statement");
        } catch (StatementRejectedException expected) {
            // declared
        }
    }
}
