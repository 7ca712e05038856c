package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.integrator.CheckpointStore;
import dev.runtape.ledger.integrator.IntegratorLease;
import dev.runtape.ledger.integrator.NodeAddress;
import dev.runtape.ledger.integrator.TreeConflictException;
import dev.runtape.ledger.integrator.TreeExtension;
import dev.runtape.ledger.integrator.TreeLeaf;
import dev.runtape.ledger.integrator.TreeNode;
import dev.runtape.ledger.integrator.TreeState;
import dev.runtape.ledger.integrator.TreeStore;
import dev.runtape.ledger.integrator.TreeStoreException;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The log's Merkle tree in a SQLite file, beside the event log. An extension runs in one {@code BEGIN IMMEDIATE}
 * transaction that first updates the tree's state row on the condition that it still has the size the extension
 * starts from, so it holds the file's write lock from that check to its durable commit.
 */
public final class SqliteTreeStore implements TreeStore {

    private static final String LEAF_COLUMNS = "SELECT leaf_index, log_position, leaf_hash FROM merkle_leaf ";

    private final SqliteDatabase database;
    private final SqliteCheckpointStore checkpoints;
    private final SqliteIntegratorLease lease;

    private SqliteTreeStore(SqliteDatabase database) {
        this.database = database;
        this.checkpoints = new SqliteCheckpointStore(database);
        this.lease = new SqliteIntegratorLease(database);
    }

    /** The tree store in {@code database}, whose tables are created when missing. The caller closes the database. */
    public static SqliteTreeStore open(SqliteDatabase database) {
        try {
            database.createSchema(SqliteTreeSchema.STATEMENTS);
        } catch (SQLException e) {
            throw failure(database, "could not create the tree store's tables", e);
        }
        return new SqliteTreeStore(database);
    }

    @Override
    public TreeState state() {
        return read("could not read the tree's state", SqliteTreeStore::state);
    }

    @Override
    public void extend(TreeExtension extension) {
        try {
            database.write(connection -> {
                moveState(connection, extension);
                insertLeaves(connection, extension);
                insertNodes(connection, extension);
                return null;
            });
        } catch (SQLException e) {
            throw failure(database, "could not extend the tree from size " + extension.fromSize() + " to "
                    + extension.toSize(), e);
        }
    }

    @Override
    public Digest node(int level, long index) {
        NodeAddress address = new NodeAddress(level, index);
        return nodes(java.util.List.of(address)).get(address);
    }

    @Override
    public Map<NodeAddress, Digest> nodes(Collection<NodeAddress> addresses) {
        Map<NodeAddress, byte[]> found = read("could not read " + addresses.size() + " tree nodes", connection -> {
            Map<NodeAddress, byte[]> hashes = new LinkedHashMap<>();
            try (PreparedStatement leaf = connection.prepareStatement(
                            "SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = ?");
                    PreparedStatement node = connection.prepareStatement(
                            "SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?")) {
                for (NodeAddress address : addresses) {
                    PreparedStatement query = address.level() == 0 ? leaf : node;
                    if (address.level() == 0) {
                        leaf.setLong(1, address.index());
                    } else {
                        node.setInt(1, address.level());
                        node.setLong(2, address.index());
                    }
                    try (ResultSet row = query.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalArgumentException("no complete subtree at level " + address.level()
                                    + ", index " + address.index() + " in the stored tree");
                        }
                        hashes.put(address, row.getBytes(1));
                    }
                }
            }
            return hashes;
        });
        Map<NodeAddress, Digest> nodes = new LinkedHashMap<>();
        found.forEach((address, hash) -> nodes.put(address, digest(hash, "node " + address)));
        return nodes;
    }

    @Override
    public Optional<TreeLeaf> leaf(long leafIndex) {
        return findLeaf("leaf_index", leafIndex);
    }

    @Override
    public Optional<TreeLeaf> leafAtPosition(long position) {
        return findLeaf("log_position", position);
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public IntegratorLease lease() {
        return lease;
    }

    private Optional<TreeLeaf> findLeaf(String column, long value) {
        return read("could not read the leaf with " + column + " " + value, connection -> {
            try (PreparedStatement query = connection.prepareStatement(LEAF_COLUMNS + "WHERE " + column + " = ?")) {
                query.setLong(1, value);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new TreeLeaf(row.getLong(1), row.getLong(2),
                            digest(row.getBytes(3), "leaf " + row.getLong(1))));
                }
            }
        });
    }

    /** Moves the state row to the extension's end, or refuses the extension when the tree does not end where it starts. */
    private static void moveState(Connection connection, TreeExtension extension) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE merkle_tree_state"
                + " SET tree_size = ?, last_position = ? WHERE id = 1 AND tree_size = ? AND last_position < ?")) {
            update.setLong(1, extension.toSize());
            update.setLong(2, extension.lastPosition());
            update.setLong(3, extension.fromSize());
            update.setLong(4, extension.firstPosition());
            if (update.executeUpdate() != 1) {
                throw new TreeConflictException(extension, state(connection));
            }
        }
    }

    private static void insertLeaves(Connection connection, TreeExtension extension) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merkle_leaf (leaf_index, log_position, leaf_hash) VALUES (?, ?, ?)")) {
            for (TreeLeaf leaf : extension.leaves()) {
                insert.setLong(1, leaf.leafIndex());
                insert.setLong(2, leaf.position());
                insert.setBytes(3, leaf.leafHash().bytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertNodes(Connection connection, TreeExtension extension) throws SQLException {
        if (extension.nodes().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)")) {
            for (TreeNode node : extension.nodes()) {
                insert.setInt(1, node.address().level());
                insert.setLong(2, node.address().index());
                insert.setBytes(3, node.hash().bytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static TreeState state(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT tree_size, last_position FROM merkle_tree_state WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the tree's state row is missing");
            }
            return new TreeState(row.getLong(1), row.getLong(2));
        }
    }

    private <T> T read(String what, SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw failure(database, what, e);
        }
    }

    static Digest digest(byte[] stored, String what) {
        try {
            return Digest.of(stored);
        } catch (FormatException e) {
            throw new TreeStoreException("the stored hash of " + what + " is damaged: " + e.getMessage(), e);
        }
    }

    static TreeStoreException failure(SqliteDatabase database, String what, SQLException cause) {
        return new TreeStoreException(what + " in the SQLite tree store " + database.file() + ": "
                + cause.getMessage(), cause);
    }
}
