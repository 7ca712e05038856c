package dev.runtape.ledger.storage.kurrent;

import java.time.Duration;

/**
 * How to reach the KurrentDB server and which log on it to use.
 *
 * @param connectionString KurrentDB's connection string, {@code kurrentdb://host:port?tls=false} or
 *     {@code kurrentdb+discover://...}
 * @param namespace the prefix of this log's streams (see {@link KurrentNames})
 * @param timeout how long one call to the server may take before the log reports the store as failed
 */
public record KurrentLogSettings(String connectionString, String namespace, Duration timeout) {

    public static final String DEFAULT_NAMESPACE = "runtape";

    public KurrentLogSettings {
        if (!connectionString.startsWith("kurrentdb://") && !connectionString.startsWith("kurrentdb+discover://")
                && !connectionString.startsWith("esdb://") && !connectionString.startsWith("esdb+discover://")) {
            throw new IllegalArgumentException("KurrentDB connection string: expected kurrentdb://host:port?... or "
                    + "kurrentdb+discover://..., found \"" + redacted(connectionString) + "\"");
        }
        new KurrentNames(namespace);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("KurrentDB timeout: expected a positive duration, found " + timeout);
        }
    }

    public static KurrentLogSettings of(String connectionString) {
        return new KurrentLogSettings(connectionString, DEFAULT_NAMESPACE, Duration.ofSeconds(30));
    }

    public KurrentLogSettings withNamespace(String newNamespace) {
        return new KurrentLogSettings(connectionString, newNamespace, timeout);
    }

    /** The connection string without a password: what messages and logs may show. */
    static String redacted(String connectionString) {
        return connectionString.replaceAll("://([^:@/]*):[^@/]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return "KurrentLogSettings[" + redacted(connectionString) + ", namespace " + namespace + "]";
    }
}
