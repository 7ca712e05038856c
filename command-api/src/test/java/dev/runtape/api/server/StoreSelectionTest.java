package dev.runtape.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.node.NodeStartException;
import dev.runtape.ledger.node.StoreSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code runtape.store.*} as Spring Boot binds it, and the store and start errors it leads to. */
class StoreSelectionTest {

    @TempDir
    Path directory;

    @Test
    void kurrentdbWithAConnectionStringIsTheKurrentStoreWithItsTreeInTheDataDirectory() {
        RuntapeProperties properties = bind(Map.of("runtape.store.kind", "kurrentdb",
                "runtape.store.kurrentdb.connection-string", "kurrentdb://db.example:2113?tls=false"));

        StoreSettings store = LedgerNodeConfiguration.store(properties, embedded(properties));

        assertThat(store).isEqualTo(new StoreSettings.Kurrent("kurrentdb://db.example:2113?tls=false", "runtape",
                directory.resolve("data").resolve("tree.db")));
    }

    @Test
    void kurrentdbWithoutAConnectionStringIsRefusedNamingTheProperty() {
        RuntapeProperties properties = bind(Map.of("runtape.store.kind", "kurrentdb"));

        assertThatThrownBy(() -> LedgerNodeConfiguration.store(properties, embedded(properties)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("runtape.store.kind=kurrentdb needs runtape.store.kurrentdb.connection-string");
    }

    @Test
    void aMalformedConnectionStringOrNamespaceIsRefusedNamingWhatWasExpected() {
        RuntapeProperties properties = bind(Map.of("runtape.store.kind", "kurrentdb",
                "runtape.store.kurrentdb.connection-string", "http://db.example:2113"));

        assertThatThrownBy(() -> LedgerNodeConfiguration.store(properties, embedded(properties)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("runtape.store.kurrentdb: KurrentDB connection string: expected kurrentdb://host:port?... "
                        + "or kurrentdb+discover://..., found \"http://db.example:2113\"");
    }

    @Test
    void anUnknownKindNamesTheThreeStores() {
        RuntapeProperties properties = bind(Map.of("runtape.store.kind", "mongo"));

        assertThatThrownBy(() -> LedgerNodeConfiguration.store(properties, embedded(properties)))
                .hasMessage("runtape.store.kind must be sqlite, postgres or kurrentdb, not \"mongo\"");
    }

    @Test
    void aKurrentdbServerThatCannotBeReachedStopsTheServiceStartNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RuntapeProperties properties = bind(Map.of("runtape.store.kind", "kurrentdb",
                "runtape.store.kurrentdb.connection-string", "kurrentdb://127.0.0.1:" + port + "?tls=false"));

        assertThatThrownBy(() -> new LedgerNodeConfiguration().ledgerNode(properties))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("cannot open the KurrentDB event log at KurrentLogSettings[kurrentdb://127.0.0.1:"
                        + port + "?tls=false, namespace runtape]")
                .hasMessageContaining("could not read the commit stream runtape-batches");
    }

    private RuntapeProperties bind(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("runtape.data", directory.resolve("data").toString());
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("runtape", RuntapeProperties.class);
    }

    private static NodeSettings embedded(RuntapeProperties properties) {
        return NodeSettings.embedded(properties.data());
    }
}
