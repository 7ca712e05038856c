package dev.runtape.api.metrics;

import dev.runtape.api.search.SearchIndex;
import dev.runtape.projections.ProjectionProgress;
import dev.runtape.projections.lineage.LineageProjection;
import dev.runtape.projections.search.SearchProjection;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * How far each projection keeps up with the log, tagged by projection: {@code runtape_projection_lag} (entries the
 * log holds that the projection has not taken in; the whole log during a replay) and {@code
 * runtape_projection_position}. Read from the projection at each scrape.
 */
@Component
public class ProjectionGauges implements MeterBinder {

    private final LineageProjection lineage;
    private final SearchIndex search;

    public ProjectionGauges(LineageProjection lineage, SearchIndex search) {
        this.lineage = lineage;
        this.search = search;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauges(registry, LineageProjection.NAME, lineage::progress);
        gauges(registry, SearchProjection.NAME, () -> search.projection().progress());
    }

    private static void gauges(MeterRegistry registry, String name, Supplier<ProjectionProgress> progress) {
        // Held strongly: a gauge keeps its state object by a weak reference, and nothing else holds these suppliers,
        // so once collected the gauge would read NaN.
        Gauge.builder("runtape.projection.lag", progress, p -> p.get().lag())
                .tag("projection", name).strongReference(true)
                .description("Log entries the projection has not taken in yet").register(registry);
        Gauge.builder("runtape.projection.position", progress, p -> p.get().position())
                .tag("projection", name).strongReference(true)
                .description("The last log position the projection has taken in").register(registry);
    }
}
