package dev.runtape.ledger.bench;

import java.util.List;
import java.util.Locale;

/**
 * The results as the issue asks for them ({@code --json}) or as a table with Runtape's ratio to Axon's engine at the same
 * store, batch size and number of writers.
 */
final class BenchReport {

    private BenchReport() {
    }

    static String json(List<BenchResult> results) {
        StringBuilder out = new StringBuilder("{\"results\": [");
        for (int i = 0; i < results.size(); i++) {
            BenchResult result = results.get(i);
            MachineUse machine = result.machine();
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"engine\": \"%s\", \"store\": \"%s\", \"batch\": %d, \"writers\": %d, "
                            + "\"events_per_second\": %.1f, \"cpu_cores\": {\"benchmark\": %s, \"postgres\": %s, "
                            + "\"others\": %s}, \"disk_writes_mib_per_second\": {\"benchmark\": %s, \"others\": %s}}",
                    result.engine(), result.store(), result.batch(), result.writers(), result.eventsPerSecond(),
                    number(machine.benchmarkCores()), number(machine.postgresCores()), number(machine.otherCores()),
                    number(machine.benchmarkDiskWrites()), number(machine.otherDiskWrites())));
        }
        return out.append("]}").toString();
    }

    /** A JSON number, or null for an unknown one. */
    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String table(List<BenchResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %-9s %6s %8s %12s %9s %22s %22s%n",
                "engine", "store", "batch", "writers", "events/s", "vs axon", "cores: bench/pg/others",
                "disk MiB/s: bench/others"));
        for (BenchResult result : results) {
            double axon = results.stream()
                    .filter(other -> other.engine().equals(Targets.AXON_JDBC) && other.store().equals(result.store())
                            && other.batch() == result.batch() && other.writers() == result.writers())
                    .mapToDouble(BenchResult::eventsPerSecond).findFirst().orElse(Double.NaN);
            MachineUse machine = result.machine();
            out.append(String.format(Locale.ROOT, "%-10s %-9s %6d %8d %12.0f %9.3f %10.2f/%4.2f/%4.2f %16.0f/%5.0f%n",
                    result.engine(), result.store(), result.batch(), result.writers(), result.eventsPerSecond(),
                    result.eventsPerSecond() / axon, machine.benchmarkCores(), machine.postgresCores(),
                    machine.otherCores(), machine.benchmarkDiskWrites(), machine.otherDiskWrites()));
        }
        return out.toString();
    }
}
