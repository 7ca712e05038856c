package dev.runtape.projections.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.projections.search.SearchProjection;
import dev.runtape.projections.search.lucene.LuceneTrajectorySearch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How fast the Lucene-backed search projection replays the log from position 0: a ledger of {@code T} imported
 * trajectories of {@code S} steps, two steps an event (so about T x (S/2 + 2) events, and a task per 20), then
 * {@code reset()} and a full catch-up, timed.
 * Reports events per second against the 50,000 the issue asks for, as a ratio. Not a test: run it with
 * {@code ./mvnw -pl projections -am -Pbench-replay test-compile exec:exec [-Dbench.args="1000 120 8 10000"] (trajectories, steps, rounds, entries a cycle)}:
 * the first half of the rounds warm the JIT up, and the median of the others is reported as the steady rate.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // exec:exec passes -Dbench.args as one argument
        String[] args = given.length == 1 ? given[0].trim().split("\\s+") : given;
        int trajectories = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Path directory = Files.createTempDirectory("runtape-replay-bench");
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
                LuceneTrajectorySearch search = LuceneTrajectorySearch.open(directory.resolve("index"))) {
            long built = System.nanoTime();
            LedgerImporter importer = new LedgerImporter(node, "bench", 2); // two steps an event: many events
            for (int t = 0; t < trajectories; t++) {
                importer.write(trajectory(t, steps));
            }
            long events = node.log().lastPosition();
            System.out.printf(Locale.ROOT, "log: %,d events (%d trajectories x %d steps) built in %.1f s%n", events,
                    trajectories, steps, (System.nanoTime() - built) / 1e9);
            SearchProjection projection = new SearchProjection(node.log(), node.axon().eventStore(),
                    node.disclosures(), search, directory.resolve("position"), batch);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                projection.reset();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                if (!projection.catchUp(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("the replay did not finish within 10 minutes");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                double rate = events / seconds;
                rates.add(rate);
                // the CPU time says how much of the wall time other processes on a shared machine took
                System.out.printf(Locale.ROOT, "replay %d: %,d events in %.2f s = %,.0f events/s, %.2f x the "
                        + "50,000/s asked for; %.2f s of CPU (%.2f cores busy)%n", round, events, seconds, rate,
                        rate / 50_000, cpuSeconds, cpuSeconds / seconds);
            }
            // The first half of the rounds warm the JIT up; the median of the rest is the steady rate.
            List<Double> steady = rates.subList(rates.size() / 2, rates.size()).stream().sorted().toList();
            double median = steady.size() % 2 == 1 ? steady.get(steady.size() / 2)
                    : (steady.get(steady.size() / 2 - 1) + steady.get(steady.size() / 2)) / 2;
            System.out.printf(Locale.ROOT, "steady (median of rounds %d to %d): %,.0f events/s = %.2f x the 50,000/s "
                    + "asked for%n", rates.size() / 2 + 1, rates.size(), median, median / 50_000);
        } finally {
            deleteAll(directory); // a log of this size is a few hundred megabytes
        }
    }

    private static void deleteAll(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static ImportedTrajectory trajectory(int t, int steps) {
        List<ObjectNode> list = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            ObjectNode step = JsonNodeFactory.instance.objectNode().put("index", s);
            if (s % 2 == 0) {
                step.put("kind", "message").put("role", "assistant").put("content", "step " + s + " of run " + t
                        + ": reading the failing test and the parser it calls");
            } else {
                step.put("kind", "command").put("command", "pytest -q tests/test_" + (s % 17) + ".py")
                        .put("exit-code", s % 5 == 0 ? 1 : 0).put("stdout", "collected 3 items, run " + t);
            }
            list.add(step);
        }
        return new ImportedTrajectory("bench-" + t, "bench", "bench-task-" + (t % 20), "Fix the parser", "bench",
                new Actor.Agent("bench-agent", null), null, null, null, list, Outcome.SUCCESS, List.of(), null, null,
                List.of());
    }
}
