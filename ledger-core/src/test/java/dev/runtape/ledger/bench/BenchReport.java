package dev.runtape.ledger.bench;

import java.util.List;
import java.util.Locale;

/** The results as the issue asks for them ({@code --json}) or as a table with Runtape's ratio to Axon's engine. */
final class BenchReport {

    private BenchReport() {
    }

    static String json(List<BenchResult> results) {
        StringBuilder out = new StringBuilder("{\"results\": [");
        for (int i = 0; i < results.size(); i++) {
            BenchResult result = results.get(i);
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"engine\": \"%s\", \"store\": \"%s\", \"batch\": %d, \"events_per_second\": %.1f}",
                    result.engine(), result.store(), result.batch(), result.eventsPerSecond()));
        }
        return out.append("]}").toString();
    }

    static String table(List<BenchResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-9s %6s %14s %12s%n",
                "engine", "store", "batch", "events/s", "vs axon"));
        for (BenchResult result : results) {
            double axon = results.stream()
                    .filter(other -> other.engine().equals(Targets.AXON_JDBC) && other.store().equals(result.store())
                            && other.batch() == result.batch())
                    .mapToDouble(BenchResult::eventsPerSecond).findFirst().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "%-10s %-9s %6d %14.0f %12.3f%n", result.engine(), result.store(),
                    result.batch(), result.eventsPerSecond(), result.eventsPerSecond() / axon));
        }
        return out.toString();
    }
}
