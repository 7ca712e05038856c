package dev.runtape.api.server;

import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.projections.lineage.LineageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections the service keeps, each following the node's log on a thread of its own from position 0 (their
 * stores are in memory), stopped before the node closes.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** Entries a cycle of the lineage projection reads at most. */
    static final int LINEAGE_BATCH = 1000;

    @Bean(destroyMethod = "close")
    public LineageProjection lineageProjection(LedgerNode node) {
        LineageProjection projection = new LineageProjection(node.log(), new LineageStore(), LINEAGE_BATCH);
        projection.start();
        return projection;
    }
}
