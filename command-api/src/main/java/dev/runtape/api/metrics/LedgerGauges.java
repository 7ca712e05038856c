package dev.runtape.api.metrics;

import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.node.LedgerNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How far the log's proofs keep up with its appends, read from the shared store at each scrape, so every node of a
 * cluster reports the same values whichever of them runs the integrator.
 *
 * <p>The lag is counted against the latest signed checkpoint rather than the tree's unsigned size: a statement is
 * provable (a receipt can be issued) only once a checkpoint covers it, and that is what clients wait for.
 */
@Component
public class LedgerGauges implements MeterBinder {

    private final EventLog log;
    private final ProofService proofs;
    private final Clock clock;

    public LedgerGauges(LedgerNode node) {
        this.log = node.log();
        this.proofs = node.proofs();
        this.clock = Clock.systemUTC();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("runtape.log.statements", log, EventLog::lastPosition)
                .description("Statements in the log (the position of the last one)").register(registry);
        Gauge.builder("runtape.checkpoint.tree.size", this, LedgerGauges::checkpointSize)
                .description("Leaves under the latest signed checkpoint; 0 before the first").register(registry);
        Gauge.builder("runtape.integrator.lag", this, LedgerGauges::lag)
                .description("Statements in the log that no signed checkpoint covers yet").register(registry);
        TimeGauge.builder("runtape.checkpoint.age", this, TimeUnit.SECONDS, LedgerGauges::checkpointAgeSeconds)
                .description("Time since the latest signed checkpoint; NaN before the first").register(registry);
    }

    double checkpointSize() {
        return proofs.latestCheckpoint().map(SignedCheckpoint::treeSize).orElse(0L);
    }

    double lag() {
        // The checkpoint first: read the other way round, a checkpoint signed in between could make the lag negative.
        long covered = proofs.latestCheckpoint().map(SignedCheckpoint::treeSize).orElse(0L);
        return Math.max(0, log.lastPosition() - covered);
    }

    double checkpointAgeSeconds() {
        Optional<SignedCheckpoint> latest = proofs.latestCheckpoint();
        if (latest.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(latest.get().timestamp(), clock.instant()).toMillis() / 1000.0);
    }
}
