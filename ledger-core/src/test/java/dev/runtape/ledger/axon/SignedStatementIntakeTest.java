package dev.runtape.ledger.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.domain.EventCatalogue;
import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementHeader;
import dev.runtape.ledger.statement.StatementRejectedException;
import dev.runtape.ledger.statement.StatementSigner;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements producers signed themselves, taken in through the domain onto a real SQLite log. */
class SignedStatementIntakeTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PRODUCER = "capture-service";
    private static final String TRAJECTORY = "t-signed";

    @TempDir
    Path directory;

    private final SigningKey producerKey = Ed25519SigningKey.generate(new SecureRandom());
    private final ProducerKeyRegistry producers = ProducerKeyRegistry.empty();
    private SqliteDatabase database;
    private SqliteEventLog log;
    private Configuration axon;
    private SignedStatementIntake intake;

    @BeforeEach
    void start() throws Exception {
        producers.register(PRODUCER, producerKey.verificationKey(), REGISTERED);
        database = SqliteDatabase.open(directory.resolve("ledger.db"));
        log = SqliteEventLog.open(database);
        StatementChecker checker = new StatementChecker(producers);
        SigningMint mint = new SigningMint(LedgerKeyRing.create(Ed25519SigningKey.generate(new SecureRandom()),
                REGISTERED), checker, Clock.systemUTC());
        axon = LedgerConfiguration.configurer(new LedgerEventStorageEngine(log, mint, new CodecReader(),
                EngineSettings.DEFAULTS), log).buildConfiguration();
        axon.start();
        intake = new SignedStatementIntake(checker, axon.commandGateway());
    }

    @AfterEach
    void stop() throws Exception {
        axon.shutdown();
        log.close();
        database.close();
    }

    private static TrajectoryStarted started() {
        return new TrajectoryStarted(TRAJECTORY, "task-1", new Actor.Agent("claude-code", "2.0"), null, null, null,
                null, null, null, null);
    }

    private static LabelApplied label(String id) {
        return new LabelApplied(id, TRAJECTORY, null, LabelApplied.Category.COMMENT, "looks-fine", null);
    }

    private byte[] signed(Object event, long revision, Digest prev, String eventId) {
        return signed(event, revision, prev, eventId, PRODUCER, producerKey, Instant.now());
    }

    private static byte[] signed(Object event, long revision, Digest prev, String eventId, String principal,
            SigningKey key, Instant iat) {
        StatementHeader header = StatementHeader.signedBy(key).iss(principal)
                .sub(new StreamId("trajectory/" + TRAJECTORY)).iat(iat)
                .eventType(EventCatalogue.eventType(event).orElseThrow()).streamRevision(revision).eventId(eventId)
                .tenant("acme").prev(prev).build();
        return StatementSigner.sign(header, PayloadCodec.encode(event), key).bytes();
    }

    private void refused(ThrowingCallable submit, Rejection expected) {
        long before = log.lastPosition();
        assertThatThrownBy(submit).satisfies(failure -> {
            Rejection actual = failure instanceof StatementRejectedException rejected ? rejected.rejection()
                    : failure instanceof StatementRefusedException refused ? refused.rejection() : null;
            assertThat(actual).as("rejection of %s", failure).isEqualTo(expected);
        });
        assertThat(log.lastPosition()).as("the log is unchanged").isEqualTo(before);
    }

    @Test
    void aProducersStatementIsStoredAsSignedAndChainsLikeAnyOther() throws Exception {
        byte[] first = signed(started(), 0, Digest.ZERO, "e-1");
        intake.submit(first);
        byte[] second = signed(label("l-1"), 1, StatementBytes.of(first).digest(), "e-2");
        intake.submit(second);

        LogEntry stored = log.findByEventId("e-2").orElseThrow();
        assertThat(stored.statement().bytes()).isEqualTo(second);
        assertThat(stored.revision()).isEqualTo(1);
    }

    @Test
    void aStatementByAnUnknownKeyIsRefused() {
        SigningKey stranger = Ed25519SigningKey.generate(new SecureRandom());
        refused(() -> intake.submit(signed(started(), 0, Digest.ZERO, "e-1", PRODUCER, stranger, Instant.now())),
                Rejection.UNKNOWN_KEY);
    }

    @Test
    void aStatementByARevokedKeyIsRefused() {
        Instant revoked = Instant.now().minusSeconds(60);
        producers.revoke(producerKey.verificationKey().thumbprint(), revoked);
        refused(() -> intake.submit(signed(started(), 0, Digest.ZERO, "e-1")), Rejection.REVOKED_KEY);
    }

    @Test
    void aStatementBackdatedToBeforeItsKeysRevocationIsRefusedByItsAge() {
        Instant revoked = Instant.now().minusSeconds(3600);
        producers.revoke(producerKey.verificationKey().thumbprint(), revoked);
        Instant backdated = revoked.minusSeconds(60);

        refused(() -> intake.submit(signed(started(), 0, Digest.ZERO, "e-1", PRODUCER, producerKey, backdated)),
                Rejection.IAT_OUT_OF_RANGE);
    }

    @Test
    void aStatementDatedAheadOfTheLedgersClockIsRefused() {
        Instant ahead = Instant.now().plus(SignedStatementIntake.DEFAULT_IAT_TOLERANCE).plusSeconds(60);

        refused(() -> intake.submit(signed(started(), 0, Digest.ZERO, "e-1", PRODUCER, producerKey, ahead)),
                Rejection.IAT_OUT_OF_RANGE);
    }

    @Test
    void aStatementWithABadSignatureIsRefused() {
        byte[] statement = signed(started(), 0, Digest.ZERO, "e-1");
        statement[statement.length - 1] ^= 1;
        refused(() -> intake.submit(statement), Rejection.BAD_SIGNATURE);
    }

    @Test
    void aStatementSpeakingForAnotherPrincipalIsRefused() {
        refused(() -> intake.submit(signed(started(), 0, Digest.ZERO, "e-1", "someone-else", producerKey,
                Instant.now())), Rejection.WRONG_PRINCIPAL);
    }

    @Test
    void aStatementWithAWrongPrevIsRefused() throws Exception {
        intake.submit(signed(started(), 0, Digest.ZERO, "e-1"));
        refused(() -> intake.submit(signed(label("l-1"), 1, Digest.sha256(new byte[] {1}), "e-2")),
                Rejection.WRONG_PREV);
    }

    @Test
    void aStatementOnAStaleRevisionIsRefused() throws Exception {
        byte[] first = signed(started(), 0, Digest.ZERO, "e-1");
        intake.submit(first);
        Digest prev = StatementBytes.of(first).digest();
        intake.submit(signed(label("l-1"), 1, prev, "e-2"));
        refused(() -> intake.submit(signed(label("l-2"), 1, prev, "e-3")), Rejection.STALE_REVISION);
    }

    @Test
    void bytesThatAreNoStatementAreRefusedAsMalformed() {
        refused(() -> intake.submit(new byte[] {(byte) 0xd2, (byte) 0x80}), Rejection.MALFORMED);
    }

    @Test
    void aStatementWhosePayloadBreaksItsSchemaIsRefused() {
        LabelApplied negativeStep = new LabelApplied("l-1", TRAJECTORY, -1L, LabelApplied.Category.COMMENT, "x",
                null);
        refused(() -> intake.submit(signed(negativeStep, 0, Digest.ZERO, "e-1")), Rejection.SCHEMA_INVALID);
    }

    @Test
    void aValidStatementThatBreaksAnInvariantIsRefusedByTheDomain() throws Exception {
        long before = log.lastPosition();
        assertThatThrownBy(() -> intake.submit(signed(label("l-1"), 0, Digest.ZERO, "e-1")))
                .isInstanceOf(org.axonframework.modelling.command.AggregateNotFoundException.class);
        intake.submit(signed(started(), 0, Digest.ZERO, "e-1"));
        LabelApplied onMissingStep = new LabelApplied("l-1", TRAJECTORY, 5L, LabelApplied.Category.FAILURE, "x",
                null);
        Digest prev = log.head(new StreamId("trajectory/" + TRAJECTORY)).orElseThrow().digest();
        assertThatThrownBy(() -> intake.submit(signed(onMissingStep, 1, prev, "e-2")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.UNKNOWN_STEP));
        assertThat(log.lastPosition()).isEqualTo(before + 1);
    }
}
