package dev.runtape.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server someone else runs ({@code runtape bench append --postgres-url}): the benchmark connects to its
 * {@code postgres} database as a user allowed to create databases, and makes and drops one per measurement. Whether
 * the server is durable is up to whoever runs it; the report says which server was measured.
 */
public final class ExternalPostgres implements PostgresServer {

    private static final Pattern DATABASE = Pattern.compile("(jdbc:postgresql://[^/?]+)/([^?]*)(\\?.*)?");

    private final String base;
    private final String query;
    private final String adminUrl;
    private final String user;
    private final @Nullable String password;
    private final AtomicInteger databases = new AtomicInteger();

    /** @param url a JDBC URL of any database on the server, e.g. {@code jdbc:postgresql://db:5432/postgres} */
    public ExternalPostgres(String url, String user, @Nullable String password) {
        Matcher matcher = DATABASE.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url
                    + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        this.base = matcher.group(1);
        this.query = matcher.group(3) == null ? "" : matcher.group(3);
        this.adminUrl = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String freshDatabase(String prefix) throws SQLException {
        String name = "runtape_bench_" + prefix.replace('-', '_') + "_" + databases.incrementAndGet();
        administer("CREATE DATABASE " + name);
        return name;
    }

    @Override
    public String url(String database) {
        return base + "/" + database + query + (password == null ? "" : (query.isEmpty() ? "?" : "&")
                + "password=" + password);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public void dropAndCheckpoint(String database) throws SQLException {
        administer("DROP DATABASE " + database + " WITH (FORCE)");
        administer("CHECKPOINT");
    }

    @Override
    public OptionalLong postmaster() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
    }

    private void administer(String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
