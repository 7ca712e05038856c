package dev.runtape.ledger.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite database file, opened for durable, serialised writes and concurrent reads.
 *
 * <p>The journal is WAL with {@code synchronous=FULL}, so a transaction is on disk when {@link #write} returns and
 * readers never block the writer. The write connection has a large page cache, keeps savepoints' journals in memory,
 * and checkpoints the WAL every few tens of megabytes rather than every four (SQLite's default), which together
 * halve what an append writes to disk. SQLite has one writer per file: in this process one write connection behind a
 * lock, and across processes {@code BEGIN IMMEDIATE} with a busy timeout, so a transaction takes the file's write
 * lock before it reads anything it will decide on. Readers get connections of their own, each kept for reuse.
 *
 * <p>Safe for use by many threads at once.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** How long a transaction waits for another process's write lock before SQLite reports the file busy. */
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;

    /** Read connections kept open between reads; more are opened while many threads read at once. */
    private static final int IDLE_READERS = 4;

    /**
     * The write connection's page cache, in KiB: enough to hold the pages one large transaction dirties (with random
     * event ids, about one index page per event) without spilling them to the WAL before the commit, and the index
     * pages that appends keep coming back to.
     */
    private static final int WRITER_CACHE_KIB = 64 * 1024;

    /**
     * How many WAL pages the write connection lets pile up before it checkpoints them into the database file: pages
     * that appends change again and again (index pages) are then copied once per checkpoint rather than once per
     * commit. 10,000 pages of 4 KiB keep the WAL near 40 MiB.
     */
    private static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

    private final Path file;
    private final String url;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private boolean closed;

    private SqliteDatabase(Path file, String url, Connection writer) {
        this.file = file;
        this.url = url;
        this.writer = writer;
    }

    /** Opens the database in {@code file}, creating the file when it does not exist. */
    public static SqliteDatabase open(Path file) throws SQLException {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setCacheSize(-WRITER_CACHE_KIB);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection writer = DriverManager.getConnection(url, config.toProperties());
        try {
            execute(writer, "PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw e;
        }
        return new SqliteDatabase(file, url, writer);
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE} ... {@code COMMIT}), after every other write
     * of this process; rolls back and rethrows when the work or the commit fails.
     */
    public <T> T write(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            checkOpen();
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in one read transaction: it sees one snapshot, whatever commits meanwhile. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection reader = borrowReader();
        boolean reusable = false;
        try {
            T result = inTransaction(reader, "BEGIN DEFERRED", work);
            reusable = true;
            return result;
        } finally {
            giveBack(reader, reusable);
        }
    }

    /**
     * Runs schema statements in one write transaction. They must be idempotent ({@code CREATE TABLE IF NOT EXISTS},
     * {@code CREATE INDEX IF NOT EXISTS}, {@code INSERT OR IGNORE}), because each adapter applies its schema at open.
     */
    public void createSchema(List<String> statements) throws SQLException {
        write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            synchronized (idleReaders) {
                if (closed) {
                    return;
                }
                closed = true;
                for (Connection reader : idleReaders) {
                    closeQuietly(reader);
                }
                idleReaders.clear();
            }
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) throws SQLException {
        execute(connection, begin);
        T result;
        try {
            result = work.run(connection);
            execute(connection, "COMMIT");
        } catch (Throwable failure) {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException rollbackFailure) {
                // A failed COMMIT may have ended the transaction already; the first failure is the one to report.
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        return result;
    }

    private Connection borrowReader() throws SQLException {
        synchronized (idleReaders) {
            checkOpen();
            Connection idle = idleReaders.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection reader = DriverManager.getConnection(url, config.toProperties());
        // Readers must never write, not even by mistake: the write lock and its ordering belong to the writer.
        execute(reader, "PRAGMA query_only = ON");
        return reader;
    }

    private void giveBack(Connection reader, boolean reusable) {
        synchronized (idleReaders) {
            if (reusable && !closed && idleReaders.size() < IDLE_READERS) {
                idleReaders.addFirst(reader);
                return;
            }
        }
        closeQuietly(reader);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the SQLite database " + file + " is closed");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a connection we no longer need: there is nothing left to protect.
        }
    }
}
