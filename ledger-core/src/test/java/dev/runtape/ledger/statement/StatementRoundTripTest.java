package dev.runtape.ledger.statement;

import static dev.runtape.ledger.statement.StatementFixtures.header;
import static dev.runtape.ledger.statement.StatementFixtures.taskDefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.keys.TestKeys;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.schemas.RuntapeSchemas;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.SigningKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the ledger signs verifies as a producer's statement does, for both algorithms. */
class StatementRoundTripTest {

    private static final List<SigningKey> KEYS = List.of(TestKeys.ed25519(1), TestKeys.p256(1));

    @Test
    void aSignedStatementPassesTheCheckerOnceItsKeyIsRegistered() throws Exception {
        for (SigningKey key : KEYS) {
            ProducerKeyRegistry producers = ProducerKeyRegistry.empty();
            producers.register(StatementFixtures.PRINCIPAL, key.verificationKey(), StatementFixtures.IAT);
            StatementHeader header = header(key).build();
            StatementBytes signed = StatementSigner.sign(header, taskDefined(), key);

            Statement checked = new StatementChecker(producers).check(signed.bytes());
            assertThat(checked).isEqualTo(new Statement(header, taskDefined(), signed));
        }
    }

    @Test
    void aSignedStatementIsADeterministicTaggedCoseSign1ThatMatchesItsSchema() throws Exception {
        for (SigningKey key : KEYS) {
            StatementBytes signed = StatementSigner.sign(header(key).build(), taskDefined(), key);
            CborValue decoded = CborDecoder.decode(signed.bytes(), CborProfile.DETERMINISTIC);
            assertThat(decoded).isInstanceOfSatisfying(CborTag.class, tag -> assertThat(tag.tag()).isEqualTo(18));
            assertThat(RuntapeSchemas.validator(RuntapeSchemas.STATEMENT).validate(decoded).failures()).isEmpty();
            CoseSign1 message = CoseSign1.decode(signed.bytes());
            assertThat(message.payload()).hasValueSatisfying(p -> assertThat(p).isEqualTo(taskDefined().encode()));
            Sign1Verifier.verify(message, key.verificationKey());
        }
    }

    @Test
    void aStoredStatementReadsBackWithoutTheRegistry() throws Exception {
        SigningKey key = TestKeys.ed25519(2);
        StatementHeader header = header(key).sub(new StreamId("trajectory/t-9")).eventType("TaskDefined")
                .streamRevision(12).prev(Digest.sha256(new byte[] {9})).build();
        StatementBytes signed = StatementSigner.sign(header, taskDefined(), key);
        assertThat(Statement.read(signed)).isEqualTo(new Statement(header, taskDefined(), signed));
    }

    @Test
    void aChainOfStatementsNamesEachPredecessorsDigest() throws Exception {
        SigningKey key = TestKeys.ed25519(3);
        ProducerKeyRegistry producers = ProducerKeyRegistry.empty();
        producers.register(StatementFixtures.PRINCIPAL, key.verificationKey(), StatementFixtures.IAT);
        StatementChecker checker = new StatementChecker(producers);
        Digest prev = Digest.ZERO;
        for (int revision = 0; revision < 3; revision++) {
            StatementBytes signed = StatementSigner.sign(header(key).streamRevision(revision).eventId("evt-" + revision)
                    .prev(prev).build(), taskDefined(), key);
            Statement checked = checker.check(signed);
            assertThat(checked.header().prev()).isEqualTo(prev);
            prev = signed.digest();
        }
    }

    @Test
    void theSignerRefusesAHeaderMadeForAnotherKey() {
        StatementHeader header = header(TestKeys.ed25519(1)).build();
        assertThatThrownBy(() -> StatementSigner.sign(header, taskDefined(), TestKeys.ed25519(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the header names kid " + header.kid().hex() + ", the key is ");
        assertThatThrownBy(() -> StatementSigner.sign(header, taskDefined(), TestKeys.p256(1)))
                .hasMessage("the header names alg EdDSA (-8), the key signs with ES256 (-7)");
    }

    @Test
    void theSignerLeavesValidationToTheValidator() throws Exception {
        SigningKey key = TestKeys.ed25519(1);
        StatementBytes signed = StatementSigner.sign(header(key).iat(Instant.EPOCH).build(),
                CborMap.EMPTY, key);
        assertThat(signed.length()).isPositive();
        assertThatThrownBy(() -> StatementValidator.checkPayload("TaskDefined", CborMap.EMPTY))
                .isInstanceOfSatisfying(StatementRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.SCHEMA_INVALID));
    }
}
