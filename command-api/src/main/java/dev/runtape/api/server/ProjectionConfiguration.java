package dev.runtape.api.server;

import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.projections.lineage.LineageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections the service keeps, each on an Axon tracking processor following the node's log from position 0
 * (their stores are in memory), stopped before the node closes.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** Entries a batch of the lineage projection takes at most. */
    static final int LINEAGE_BATCH = 1000;

    @Bean(destroyMethod = "close")
    public LineageProjection lineageProjection(LedgerNode node) {
        LineageProjection projection = new LineageProjection(node.log(), node.axon().eventStore(), new LineageStore(),
                LINEAGE_BATCH);
        projection.start();
        return projection;
    }
}
