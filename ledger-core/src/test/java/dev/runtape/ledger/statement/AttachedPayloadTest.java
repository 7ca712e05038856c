package dev.runtape.ledger.statement;

import static dev.runtape.ledger.statement.StatementFixtures.header;
import static dev.runtape.ledger.statement.StatementFixtures.taskDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.keys.TestKeys;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The payload a replay takes from a stored statement's bytes is the one decoding the message gives. */
class AttachedPayloadTest {

    private static final SigningKey KEY = TestKeys.ed25519(4);

    @Test
    void aSignedStatementsPayloadIsFoundWhereItLies() throws Exception {
        for (SigningKey key : new SigningKey[] {KEY, TestKeys.p256(4)}) {
            StatementBytes signed = StatementSigner.sign(header(key).build(), taskDefined(), key);
            byte[] expected = CoseSign1.decode(signed.bytes()).payload().orElseThrow();
            assertThat(AttachedPayload.of(signed.bytes())).hasValueSatisfying(p -> assertThat(p).isEqualTo(expected));
            assertThat(Statement.payload(signed)).isEqualTo(taskDefined());
        }
    }

    @Test
    void aMessageWithAnUnprotectedHeaderIsLeftToDecoding() throws Exception {
        byte[] message = Sign1Builder.signingWith(KEY).unprotectedParameter(394, CborInteger.of(1))
                .sign(taskDefined().encode()).encode();
        assertThat(AttachedPayload.of(message)).isEmpty();
        assertThat(Statement.payload(StatementBytes.of(message))).isEqualTo(taskDefined());
    }

    @Test
    void noTruncationNorOneByteChangeThrowsAnythingButAFormatException() throws Exception {
        byte[] signed = StatementSigner.sign(header(KEY).build(), taskDefined(), KEY).bytes();
        for (int length = 1; length < signed.length; length++) {
            assertThat(AttachedPayload.of(Arrays.copyOf(signed, length))).as("truncated to %d", length).isEmpty();
        }
        for (int at = 0; at < signed.length; at++) {
            for (int value : new int[] {0x00, 0x18, 0x1a, 0x1b, 0x1f, 0x5f, 0xa0, 0xff}) {
                byte[] changed = signed.clone();
                changed[at] = (byte) value;
                try {
                    Statement.payload(StatementBytes.of(changed));
                } catch (FormatException expected) {
                    // a clear refusal is the other acceptable outcome
                }
            }
        }
    }

    @Test
    void aPayloadThatIsNotAMapIsRefused() throws Exception {
        byte[] message = Sign1Builder.signingWith(KEY).sign(CborTextString.of("not a map").encode()).encode();
        assertThat(AttachedPayload.of(message)).isPresent();
        assertThatThrownBy(() -> Statement.payload(StatementBytes.of(message)))
                .isInstanceOf(FormatException.class).hasMessageContaining("expected a map");
    }
}
