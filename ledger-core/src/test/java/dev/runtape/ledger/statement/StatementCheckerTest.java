package dev.runtape.ledger.statement;

import static dev.runtape.ledger.statement.StatementFixtures.IAT;
import static dev.runtape.ledger.statement.StatementFixtures.PRINCIPAL;
import static dev.runtape.ledger.statement.StatementFixtures.header;
import static dev.runtape.ledger.statement.StatementFixtures.taskDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.keys.TestKeys;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a producer's statement is refused, each with its own code. */
class StatementCheckerTest {

    private final SigningKey key = TestKeys.ed25519(1);
    private final ProducerKeyRegistry producers = ProducerKeyRegistry.empty();
    private final StatementChecker checker = new StatementChecker(producers);

    @BeforeEach
    void registerTheProducer() {
        producers.register(PRINCIPAL, key.verificationKey(), IAT.minusSeconds(3600));
    }

    private byte[] signed() {
        return StatementSigner.sign(header(key).build(), taskDefined(), key).bytes();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] statement, Rejection expected) {
        return assertThatThrownBy(() -> checker.check(statement))
                .isInstanceOfSatisfying(StatementRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(expected));
    }

    @Test
    void aStatementSignedByAnUnknownKeyIsRefused() {
        SigningKey stranger = TestKeys.ed25519(2);
        byte[] statement = StatementSigner.sign(header(stranger).build(), taskDefined(), stranger).bytes();
        assertRejected(statement, Rejection.UNKNOWN_KEY)
                .hasMessage("unknown key: no producer key has kid " + stranger.verificationKey().thumbprint().hex());
    }

    @Test
    void aStatementIssuedAtOrAfterItsKeysRevocationIsRefused() {
        producers.revoke(key.verificationKey().thumbprint(), IAT);
        assertRejected(signed(), Rejection.REVOKED_KEY)
                .hasMessage("key " + key.verificationKey().thumbprint().hex() + " was revoked at 2026-05-01T10:00:00Z, "
                        + "the statement was issued (iat) at 2026-05-01T10:00:00Z");
    }

    @Test
    void aStatementIssuedBeforeItsKeysRevocationStillCounts() throws Exception {
        producers.revoke(key.verificationKey().thumbprint(), IAT.plusSeconds(1));
        assertThat(checker.check(signed()).header().iat()).isEqualTo(IAT);
    }

    @Test
    void aStatementIssuedBeforeItsKeyBecameValidIsRefused() {
        SigningKey later = TestKeys.ed25519(3);
        producers.register(PRINCIPAL, later.verificationKey(), IAT.plusSeconds(60));
        byte[] statement = StatementSigner.sign(header(later).build(), taskDefined(), later).bytes();
        assertRejected(statement, Rejection.KEY_NOT_VALID_AT_IAT)
                .hasMessage("key " + later.verificationKey().thumbprint().hex() + " is valid from 2026-05-01T10:01:00Z, "
                        + "the statement was issued (iat) at 2026-05-01T10:00:00Z");
    }

    @Test
    void aStatementSpeakingForAnotherPrincipalThanItsKeysIsRefused() {
        byte[] statement = StatementSigner.sign(header(key).iss("svc-qa").build(), taskDefined(), key).bytes();
        assertRejected(statement, Rejection.WRONG_PRINCIPAL)
                .hasMessage("key " + key.verificationKey().thumbprint().hex() + " belongs to \"svc-capture\", "
                        + "the statement speaks for (iss) \"svc-qa\"");
    }

    @Test
    void aSignatureWithOneBitFlippedIsRefused() {
        byte[] statement = signed();
        for (int i = statement.length - 64; i < statement.length; i++) {
            byte[] flipped = statement.clone();
            flipped[i] ^= (byte) (1 << (i % 8));
            assertRejected(flipped, Rejection.BAD_SIGNATURE).hasMessage("invalid signature");
        }
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() {
        byte[] statement = signed();
        int at = indexOf(statement, "swe-bench".getBytes());
        statement[at] ^= 0x01; // "swe-bench" becomes "rwe-bench": still valid, no longer signed
        assertRejected(statement, Rejection.BAD_SIGNATURE);
    }

    @Test
    void aPayloadThatBreaksItsEventsRuleIsRefusedWithThePath() {
        CborMap noFamily = CborMap.builder().put("task-id", CborTextString.of("task-1"))
                .put("prompt", CborMap.builder().put("digest", new CborByteString(new byte[32])).build())
                .put("success-criteria", new CborArray(List.of())).build();
        byte[] statement = StatementSigner.sign(header(key).build(), noFamily, key).bytes();
        assertRejected(statement, Rejection.SCHEMA_INVALID)
                .hasMessage("payload of TaskDefined does not match its schema: $: missing member family: tstr");
    }

    @Test
    void aPayloadOfAnotherEventTypeIsRefused() {
        CborMap enrolled = CborMap.builder().put("operator-id", CborTextString.of("op-1")).build();
        byte[] statement = StatementSigner.sign(header(key).build(), enrolled, key).bytes();
        assertRejected(statement, Rejection.SCHEMA_INVALID)
                .hasMessageStartingWith("payload of TaskDefined does not match its schema: ");
    }

    @Test
    void aHeaderWithAParameterTheSchemaDoesNotListIsRefused() {
        byte[] statement = header(key).build().addTo(Sign1Builder.signingWith(key))
                .protectedParameter(-70006, CborTextString.of("extra"))
                .sign(taskDefined().encode()).encode();
        assertRejected(statement, Rejection.SCHEMA_INVALID)
                .hasMessageStartingWith("statement does not match its schema: $[0].-70006: unexpected member");
    }

    @Test
    void anUnprotectedHeaderThatBreaksTheSchemaIsRefused() throws Exception {
        CoseSign1 message = CoseSign1.decode(signed());
        byte[] statement = message.withUnprotectedHeader(CborMap.builder().put("note", CborTextString.of("x")).build())
                .encode();
        assertRejected(statement, Rejection.SCHEMA_INVALID)
                .hasMessage("statement does not match its schema: $[1].note: unexpected member (the map allows "
                        + "? 394 => array, * int => any)");
    }

    @Test
    void aHeaderNamingTheWrongAlgorithmForItsKeyIsRefused() {
        SigningKey p256 = TestKeys.p256(1);
        CborMap.Builder protectedMap = CborMap.builder()
                .put(HeaderLabels.ALG, CborInteger.of(-7))
                .put(HeaderLabels.KID, new CborByteString(key.kid()));
        header(key).build().toCbor().entries().forEach((label, value) -> {
            if (!label.equals(CborInteger.of(HeaderLabels.ALG)) && !label.equals(CborInteger.of(HeaderLabels.KID))) {
                protectedMap.put(label, value);
            }
        });
        byte[] protectedBytes = protectedMap.build().encode();
        byte[] payload = taskDefined().encode();
        byte[] toBeSigned = CborArray.of(CborTextString.of("Signature1"), new CborByteString(protectedBytes),
                new CborByteString(new byte[0]), new CborByteString(payload)).encode();
        byte[] statement = new CborTag(18, CborArray.of(new CborByteString(protectedBytes), CborMap.EMPTY,
                new CborByteString(payload), new CborByteString(p256.sign(toBeSigned)))).encode();
        assertRejected(statement, Rejection.ALGORITHM_MISMATCH)
                .hasMessage("the header names alg ES256 (-7), key " + key.verificationKey().thumbprint().hex()
                        + " is a Ed25519 key (EdDSA (-8))");
    }

    @Test
    void bytesThatAreNotAStatementAreMalformed() {
        assertRejected(new byte[] {(byte) 0xff}, Rejection.MALFORMED)
                .hasMessageStartingWith("statement: not deterministic CBOR: at byte 0");
        assertRejected(new byte[0], Rejection.MALFORMED).hasMessage("statement: no bytes");
        assertRejected(CborTextString.of("hello").encode(), Rejection.MALFORMED)
                .hasMessageStartingWith("COSE_Sign1: expected an array of 4 items");
    }

    @Test
    void anUntaggedStatementIsMalformed() {
        byte[] statement = header(key).build().addTo(Sign1Builder.signingWith(key)).untagged()
                .sign(taskDefined().encode()).encode();
        assertRejected(statement, Rejection.MALFORMED)
                .hasMessage("statement: expected a COSE_Sign1 under tag 18, found it untagged");
    }

    @Test
    void aDetachedPayloadIsMalformed() {
        byte[] statement = header(key).build().addTo(Sign1Builder.signingWith(key)).detached()
                .sign(taskDefined().encode()).encode();
        assertRejected(statement, Rejection.MALFORMED).hasMessage("statement: the payload must be attached, found nil");
    }

    @Test
    void aStatementNotInDeterministicCborIsMalformed() {
        byte[] statement = signed();
        assertThat(statement[0]).isEqualTo((byte) 0xd2);
        assertThat(statement[1]).isEqualTo((byte) 0x84);
        byte[] longHead = new byte[statement.length + 1];
        longHead[0] = (byte) 0xd2;
        longHead[1] = (byte) 0x98; // array, length in one following byte
        longHead[2] = 4;
        System.arraycopy(statement, 2, longHead, 3, statement.length - 2);
        assertRejected(longHead, Rejection.MALFORMED).hasMessageStartingWith("statement: not deterministic CBOR: at byte 1");
    }

    @Test
    void aPayloadNotInDeterministicCborIsMalformed() {
        byte[] payload = taskDefined().encode();
        assertThat(payload[0]).isEqualTo((byte) 0xa4);
        byte[] longHead = new byte[payload.length + 1];
        longHead[0] = (byte) 0xb8; // map, length in one following byte
        longHead[1] = 4;
        System.arraycopy(payload, 1, longHead, 2, payload.length - 1);
        byte[] statement = header(key).build().addTo(Sign1Builder.signingWith(key)).sign(longHead).encode();
        assertRejected(statement, Rejection.MALFORMED).hasMessageStartingWith("statement payload: at byte 0");
    }

    @Test
    void everyOneBitChangeToAStatementIsRefused() {
        byte[] statement = signed();
        for (int i = 0; i < statement.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = statement.clone();
                flipped[i] ^= (byte) (1 << bit);
                expectRefusal(flipped, "bit " + bit + " of byte " + i);
            }
        }
    }

    @Test
    void everyTruncationAndAnyTrailingByteIsMalformed() {
        byte[] statement = signed();
        for (int length = 1; length < statement.length; length++) {
            assertRejected(Arrays.copyOf(statement, length), Rejection.MALFORMED);
        }
        assertRejected(Arrays.copyOf(statement, statement.length + 1), Rejection.MALFORMED);
    }

    @Test
    void theRejectionCodesAreStable() {
        assertThat(Arrays.stream(Rejection.values()).map(Rejection::code)).containsExactly("malformed",
                "schema-invalid", "unknown-key", "key-not-valid-at-iat", "revoked-key", "wrong-principal",
                "algorithm-mismatch", "bad-signature", "iat-out-of-range", "wrong-prev", "stale-revision");
    }

    private void expectRefusal(byte[] statement, String change) {
        try {
            checker.check(StatementBytes.of(statement));
            fail("accepted a statement with " + change + " flipped: " + HexFormat.of().formatHex(statement));
        } catch (StatementRejectedException expected) {
            // each refusal is fine here; anything else escaping is a bug
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
