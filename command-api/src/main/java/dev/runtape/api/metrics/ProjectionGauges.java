package dev.runtape.api.metrics;

import dev.runtape.projections.lineage.LineageProjection;
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

    public ProjectionGauges(LineageProjection lineage) {
        this.lineage = lineage;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("runtape.projection.lag", lineage, projection -> projection.progress().lag())
                .tag("projection", LineageProjection.NAME)
                .description("Log entries the projection has not taken in yet").register(registry);
        Gauge.builder("runtape.projection.position", lineage, projection -> projection.progress().position())
                .tag("projection", LineageProjection.NAME)
                .description("The last log position the projection has taken in").register(registry);
    }
}
