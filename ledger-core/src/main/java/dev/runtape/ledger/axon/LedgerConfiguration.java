package dev.runtape.ledger.axon;

import dev.runtape.ledger.domain.dataset.AdmissionCheck;
import dev.runtape.ledger.domain.dataset.Dataset;
import dev.runtape.ledger.domain.operator.Operator;
import dev.runtape.ledger.domain.task.Task;
import dev.runtape.ledger.domain.trajectory.Trajectory;
import dev.runtape.ledger.log.EventLog;
import java.util.List;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * The ledger's Axon setup without Spring and without Axon Server: the four aggregates event-sourced through the given
 * storage engine, the admission check the dataset asks, the metadata commands hand on to their events, a caller's
 * expected revision checked on load, and retried commands answered from the log.
 */
public final class LedgerConfiguration {

    private LedgerConfiguration() {
    }

    /**
     * A configurer with the ledger's domain on {@code engine} over {@code log}; add processors, then build and start
     * it.
     */
    public static Configurer configurer(EventStorageEngine engine, EventLog log) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> engine)
                .configureAggregate(cached(Task.class))
                .configureAggregate(cached(Operator.class))
                .configureAggregate(cached(Trajectory.class))
                .configureAggregate(cached(Dataset.class))
                .registerComponent(CommandTargetResolver.class, configuration -> new ExpectedRevisionTargets())
                .registerComponent(AdmissionCheck.class,
                        configuration -> new RepositoryAdmissionCheck(configuration.repository(Trajectory.class)))
                .configureCorrelationDataProviders(configuration -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(LedgerMetaData.CORRELATED.toArray(String[]::new))));
        configurer.onInitialize(configuration -> configuration.onStart(() ->
                configuration.commandBus().registerHandlerInterceptor(new IdempotentRetries(log))));
        return configurer;
    }

    /**
     * An aggregate kept in memory between its commands, so that a command does not replay its whole stream (a
     * trajectory's steps grow without bound). The cache holds aggregates by weak reference: memory decides how many
     * stay. A cached aggregate that another node has moved on from fails on append, where the log checks the
     * revision, and is dropped from the cache with the failed unit of work; the command's retry loads it afresh.
     */
    private static <T> AggregateConfigurer<T> cached(Class<T> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(configuration -> new WeakReferenceCache());
    }
}
