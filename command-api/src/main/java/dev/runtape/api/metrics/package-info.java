/** The service's own metrics for Prometheus: appends, integration and checkpoints, rejected requests. */
@NullMarked
package dev.runtape.api.metrics;

import org.jspecify.annotations.NullMarked;
