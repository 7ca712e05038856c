package dev.runtape.ledger.bench;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Plain JDBC transactions for the stock Axon engine, which expects its connection provider and transaction manager to
 * agree (Spring does that in an application). A transaction binds one pooled connection to the thread; the provider
 * hands out that connection, with {@code close()} left to the transaction.
 */
final class ThreadBoundConnections implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    ThreadBoundConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            bound.set(connection);
            return new Transaction() {
                @Override
                public void commit() {
                    finish(connection, true);
                }

                @Override
                public void rollback() {
                    finish(connection, false);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
    }

    private void finish(Connection connection, boolean commit) {
        bound.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end a transaction", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        if (connection == null) {
            throw new SQLException("no transaction on this thread");
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(connection, method, args));
    }

    private static Object invoke(Connection connection, java.lang.reflect.Method method, Object[] args)
            throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
