package dev.runtape.ledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import dev.runtape.ledger.storage.postgres.TestPostgres;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two ledger nodes (two Axon configurations, each with its own pool) on one PostgreSQL database, many threads on
 * each, appending steps to one shared trajectory and to trajectories of their own. Axon locks an aggregate only
 * within a node, so the nodes race for the shared stream for real: the losers must see a concurrency conflict, and
 * the streams must come out unforked, gapless and complete.
 */
class ConcurrentNodesTest {

    private static final int THREADS_PER_NODE = 4;
    private static final int ATTEMPTS = 25;

    private final Ed25519SigningKey ledgerKey = Ed25519SigningKey.generate(new SecureRandom());
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Configuration> nodes = new ArrayList<>();
    private EventLog reader;

    @BeforeEach
    void startTwoNodes() {
        String database = TestPostgres.createDatabase();
        for (int n = 0; n < 2; n++) {
            PostgresDatabase pool = TestPostgres.connect(database);
            PostgresEventLog log = PostgresEventLog.open(pool);
            resources.add(pool);
            SigningMint mint = new SigningMint(LedgerKeyRing.create(ledgerKey, Instant.parse("2026-01-01T00:00:00Z")),
                    new StatementChecker(ProducerKeyRegistry.empty()), Clock.systemUTC());
            Configuration node = LedgerConfiguration.configurer(new LedgerEventStorageEngine(log, mint,
                    new CodecReader(), EngineSettings.DEFAULTS), log).buildConfiguration();
            node.start();
            nodes.add(node);
            reader = log;
        }
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Configuration::shutdown);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private static Step step(long index) {
        ObjectNode step = JsonNodeFactory.instance.objectNode().put("kind", "reasoning").put("index", index);
        step.set("content", JsonNodeFactory.instance.objectNode()
                .put("digest", Digest.sha256(Long.toString(index).getBytes()).bytes()));
        return Step.of(step);
    }

    @RepeatedTest(3)
    void racingNodesNeverForkAChainNorLoseAnAcknowledgedStep() throws Exception {
        nodes.getFirst().commandGateway().sendAndWait(new StartTrajectory("shared", "task-1",
                new Actor.Agent("agent", null), null, null, null, null, null, null, null));
        Map<Long, Integer> acknowledgedSteps = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2 * THREADS_PER_NODE);
        for (int n = 0; n < 2; n++) {
            Configuration node = nodes.get(n);
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                String own = "own-" + n + "-" + t;
                Thread.ofPlatform().start(() -> {
                    try {
                        node.commandGateway().sendAndWait(new StartTrajectory(own, "task-1",
                                new Actor.Agent("agent", null), null, null, null, null, null, null, null));
                        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                            node.commandGateway().sendAndWait(new RecordSteps(own, List.of(step(attempt))));
                            long next = reader.head(new StreamId("trajectory/shared")).orElseThrow().revision();
                            try {
                                node.commandGateway().sendAndWait(new RecordSteps("shared", List.of(step(next))));
                                acknowledgedSteps.merge(next, 1, Integer::sum);
                            } catch (ConcurrencyException conflict) {
                                conflicts.incrementAndGet();
                            } catch (RuleViolation staleIndex) {
                                outOfOrder.incrementAndGet();
                            }
                        }
                    } catch (Throwable failure) {
                        unexpected.add(failure);
                    } finally {
                        done.countDown();
                    }
                });
            }
        }
        done.await();

        assertThat(unexpected).isEmpty();
        assertThat(conflicts.get()).as("the nodes really raced for the shared stream").isPositive();
        assertThat(acknowledgedSteps.values()).as("no step index acknowledged twice").allMatch(count -> count == 1);
        Map<StreamId, LogEntry> heads = new HashMap<>();
        List<LogEntry> all = new ArrayList<>();
        for (List<LogEntry> page; !(page = reader.readAfter(all.size(), 500)).isEmpty(); ) {
            all.addAll(page);
        }
        long sharedSteps = 0;
        for (int i = 0; i < all.size(); i++) {
            LogEntry entry = all.get(i);
            assertThat(entry.position()).isEqualTo(i + 1);
            Statement statement = Statement.read(entry.statement());
            LogEntry previous = heads.put(entry.stream(), entry);
            assertThat(entry.revision()).isEqualTo(previous == null ? 0 : previous.revision() + 1);
            assertThat(statement.header().prev())
                    .isEqualTo(previous == null ? Digest.ZERO : previous.statement().digest());
            if (entry.stream().value().equals("trajectory/shared") && entry.revision() > 0) {
                sharedSteps++;
            }
        }
        assertThat(sharedSteps).as("every acknowledged step of the shared trajectory is stored")
                .isEqualTo(acknowledgedSteps.size());
        for (int n = 0; n < 2; n++) {
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                assertThat(heads.get(new StreamId("trajectory/own-" + n + "-" + t)).revision()).isEqualTo(ATTEMPTS);
            }
        }
    }
}
