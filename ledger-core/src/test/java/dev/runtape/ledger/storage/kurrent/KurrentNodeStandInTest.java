package dev.runtape.ledger.storage.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.ClusterSettings;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.node.NodeStartException;
import dev.runtape.ledger.node.StoreSettings;
import dev.runtape.ledger.storage.postgres.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole ledger node with {@link StoreSettings.Kurrent} as its store, on {@link KurrentStandIn} (a stand-in, not
 * KurrentDB): commands reach the KurrentDB log, a restarted node finds them, and a server that cannot be reached stops
 * the start with a message that names it.
 */
class KurrentNodeStandInTest {

    @TempDir
    Path directory;

    private KurrentStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = KurrentStandIn.start();
    }

    @AfterEach
    void stop() throws Exception {
        standIn.close();
    }

    @Test
    void aNodeOnKurrentStoresItsStatementsThereAndFindsThemAfterARestart() throws Exception {
        NodeSettings settings = NodeSettings.embedded(directory.resolve("data")).withStore(new StoreSettings.Kurrent(
                standIn.connectionString(), "node", directory.resolve("data").resolve("tree.db")));
        LogEntry enrolled;
        try (LedgerNode node = LedgerNode.start(settings)) {
            node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(new EnrolOperator("op-1", null))
                    .andMetaData(Map.of(LedgerMetaData.EVENT_ID, "enrol-op-1")));
            enrolled = node.log().findByEventId("enrol-op-1").orElseThrow();
            assertThat(node.log()).isInstanceOf(KurrentEventLog.class);
        }
        assertThat(standIn.eventCount()).isPositive();

        try (LedgerNode again = LedgerNode.start(settings)) {
            assertThat(again.log().findByEventId("enrol-op-1")).contains(enrolled);
        }
    }

    @Test
    void twoNodesSharingTheLogOnKurrentKeepTheTreeAndTheirKeysInPostgres() throws Exception {
        String database = TestPostgres.createDatabase();
        byte[] sealing = new byte[32];
        Path sealingKey = Files.writeString(directory.resolve("sealing-key"),
                Base64.getEncoder().encodeToString(sealing), StandardCharsets.US_ASCII);
        StoreSettings store = new StoreSettings.Kurrent(standIn.connectionString(), "shared",
                directory.resolve("unused-tree.db"), new StoreSettings.Postgres(TestPostgres.url(database), "postgres",
                "", 4));
        ClusterSettings cluster = new ClusterSettings(sealingKey, Duration.ofHours(1));
        NodeSettings first = NodeSettings.embedded(directory.resolve("a")).withStore(store).withCluster(cluster);
        NodeSettings second = NodeSettings.embedded(directory.resolve("b")).withStore(store).withCluster(cluster);
        try (LedgerNode a = LedgerNode.start(first); LedgerNode b = LedgerNode.start(second)) {
            a.commands().sendAndWait(GenericCommandMessage.asCommandMessage(new EnrolOperator("op-2", null))
                    .andMetaData(Map.of(LedgerMetaData.EVENT_ID, "enrol-op-2")));
            assertThat(b.log().findByEventId("enrol-op-2")).isPresent();
            assertThat(b.keys().primary().verificationKey().thumbprint())
                    .isEqualTo(a.keys().primary().verificationKey().thumbprint());
            b.integrator().runOnce();
            a.integrator().runOnce();
            assertThat(a.proofs().latestCheckpoint().map(SignedCheckpoint::checkpoint))
                    .as("one tree, in PostgreSQL, whichever node integrated")
                    .isPresent().isEqualTo(b.proofs().latestCheckpoint().map(SignedCheckpoint::checkpoint));
        }
        assertThat(Files.exists(directory.resolve("unused-tree.db"))).as("no tree file of a node").isFalse();
    }

    @Test
    void aServerThatCannotBeReachedStopsTheStartNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        NodeSettings settings = NodeSettings.embedded(directory.resolve("data")).withStore(new StoreSettings.Kurrent(
                "kurrentdb://127.0.0.1:" + port + "?tls=false", "node", directory.resolve("tree.db")));

        assertThatThrownBy(() -> LedgerNode.start(settings)).isInstanceOf(NodeStartException.class)
                .hasMessageStartingWith("cannot open the KurrentDB event log at KurrentLogSettings[kurrentdb://127.0.0.1:"
                        + port + "?tls=false, namespace node]: KurrentDB kurrentdb://127.0.0.1:" + port
                        + "?tls=false: could not read the commit stream node-batches");
    }
}
