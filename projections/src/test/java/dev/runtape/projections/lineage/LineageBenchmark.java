package dev.runtape.projections.lineage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.CheckpointRef;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.dataset.ExportSealed;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.domain.operator.OperatorEnrolled;
import dev.runtape.ledger.domain.task.TaskDefined;
import dev.runtape.ledger.domain.trajectory.LabelApplied;
import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.verifier.Digest;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: times the lineage of a dataset of 10,000 trajectories against the 200 ms a query may take. Builds the
 * events in memory in the shapes the domain records have (per trajectory: its start by an operator or an agent with a
 * model and a repository, three batches of ten steps, the completion, a QA check, a review, a label, the admission;
 * a task per ten trajectories, 200 operators, an export at the end), feeds them through {@link LineageBuilder} into a
 * {@link LineageStore}, then asks for the dataset's whole lineage up (depth 10) many times, alone and rendered as
 * JSON and as PROV-JSON bytes, and prints the times, their ratio to 200 ms, and the garbage collections meanwhile.
 *
 * <pre>ops/scripts/with-jdk ./mvnw -B -q -o -pl projections -am -Pbench-lineage test-compile exec:exec</pre>
 * {@code -Dbench.args="TRAJECTORIES RUNS"} changes the size (default 10000) and the measured runs (default 30).
 */
public final class LineageBenchmark {

    static final double LIMIT_MS = 200;
    private static final String TENANT = "bench";
    private static final String DATASET = "bench-dataset";

    private LineageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trajectories = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<LineageEvent> events = events(trajectories);

        LineageStore store = new LineageStore();
        long start = System.nanoTime();
        for (LineageEvent event : events) {
            store.apply(event.position(), event.tenant(), LineageBuilder.updates(event));
        }
        double buildMs = (System.nanoTime() - start) / 1e6;
        LineageStore.Size size = store.sizes().get(TENANT);
        System.out.printf("built %d events of %d trajectories in %.0f ms: %d nodes, %d edges%n", events.size(),
                trajectories, buildMs, size.nodes(), size.edges());

        LineageQuery query = new LineageQuery(NodeId.of(NodeKind.DATASET, DATASET), Direction.UP, 10);
        LineageView view = store.lineage(TENANT, query).orElseThrow();
        System.out.printf("the dataset's lineage up to depth 10: %d nodes, %d edges, %d bytes of JSON, %d of "
                + "PROV-JSON%n", view.nodes().size(), view.edges().size(), LineageJson.bytes(view, 0).length,
                ProvJson.bytes(view).length);
        LineageQuery chain = new LineageQuery(NodeId.of(NodeKind.TRAJECTORY, "trajectory-4242"), Direction.UP, 10);

        System.out.printf("heap at most %d MB; collectors: %s%n", Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        report("query (walk)", time(runs, () -> store.lineage(TENANT, query).orElseThrow()));
        // as the service answers: the bytes streamed to the response as they are made, here counted and dropped
        report("query + JSON, streamed", time(runs, () -> {
            Counted out = new Counted();
            LineageJson.write(store.lineage(TENANT, query).orElseThrow(), store.position(), out);
            return out.bytes;
        }));
        report("query + PROV-JSON, str.", time(runs, () -> {
            Counted out = new Counted();
            ProvJson.write(store.lineage(TENANT, query).orElseThrow(), out);
            return out.bytes;
        }));
        report("query + PROV-JSON bytes", time(runs, () -> ProvJson.bytes(store.lineage(TENANT, query)
                .orElseThrow())));
        report("one trajectory, up", time(runs, () -> ProvJson.bytes(store.lineage(TENANT, chain).orElseThrow())));
    }

    /** Counts what is written to it and keeps none of it: a client reading the answer as fast as it comes. */
    private static final class Counted extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Collections and their time so far, all collectors together. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private interface Work {
        Object run() throws Exception;
    }

    /**
     * Wall and CPU milliseconds of each measured run, sorted, and the collections meanwhile. The CPU time is the
     * measuring thread's: on a shared machine the wall time also holds the time other processes took the core.
     */
    private record Timings(double[] wall, double[] cpu, long collections, long collectionMillis) {
    }

    /** Runs {@code work} a third of {@code runs} times to warm up, then {@code runs} times timed. */
    private static Timings time(int runs, Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < Math.max(5, runs / 3); i++) {
            sink += work.run().hashCode();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        long[] before = collections();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += work.run().hashCode();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        long[] after = collections();
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timings(wall, cpu, after[0] - before[0], after[1] - before[1]);
    }

    private static void report(String what, Timings timings) {
        double[] wall = timings.wall();
        double median = wall[wall.length / 2];
        double p95 = wall[(int) Math.ceil(wall.length * 0.95) - 1];
        System.out.printf("%-24s min %6.1f  median %6.1f  p95 %6.1f  max %6.1f ms; / 200 ms: median %.3f, p95 %.3f%n",
                what, wall[0], median, p95, wall[wall.length - 1], median / LIMIT_MS, p95 / LIMIT_MS);
        double[] cpu = timings.cpu();
        System.out.printf("%-24s CPU median %6.1f  p95 %6.1f ms; %d collections, %d ms, in %d runs%n", "",
                cpu[cpu.length / 2], cpu[(int) Math.ceil(cpu.length * 0.95) - 1], timings.collections(),
                timings.collectionMillis(), wall.length);
    }

    static List<LineageEvent> events(int trajectories) {
        List<LineageEvent> events = new ArrayList<>();
        Instant time = Instant.parse("2026-12-01T00:00:00Z");
        Events out = new Events(events, time);
        for (int operator = 0; operator < 200; operator++) {
            out.add("capture", new OperatorEnrolled("op-" + operator, "cohort-" + operator % 4));
        }
        out.add("curator", new DatasetDefined(DATASET, "bench", "1", "training", null));
        Model[] models = {new Model("anthropic", "claude-sonnet-4"), new Model("openai", "gpt-5"),
            new Model("google", "gemini-2.5-pro")};
        for (int i = 0; i < trajectories; i++) {
            String task = "task-" + i / 10;
            String trajectory = "trajectory-" + i;
            if (i % 10 == 0) {
                out.add("capture", new TaskDefined(task, ContentRef.of(digest(task)), "bench", List.of("tests pass"),
                        new Repository("https://github.com/example/repo-" + i / 100, "c0ffee" + i / 10, null, null),
                        null));
            }
            Actor actor = i % 2 == 0 ? new Actor.Operator("op-" + i % 200) : new Actor.Agent("swe-agent", "1.1");
            out.add("capture", new TrajectoryStarted(trajectory, task, actor, models[i % 3], null,
                    new Repository("https://github.com/example/repo-" + i / 100, "c0ffee" + i / 10, null, null),
                    out.time, "swe-agent-traj", null, null));
            for (int batch = 0; batch < 3; batch++) {
                List<Step> steps = new ArrayList<>();
                for (int step = batch * 10; step < batch * 10 + 10; step++) {
                    ObjectNode members = JsonNodeFactory.instance.objectNode();
                    members.put("kind", step % 2 == 0 ? "reasoning" : "command");
                    members.put("index", step);
                    steps.add(Step.of(members));
                }
                out.add("capture", new StepsRecorded(trajectory, steps));
            }
            out.add("capture", new TrajectoryCompleted(trajectory, TrajectoryCompleted.Outcome.SUCCESS,
                    List.of("tests pass"), Duration.ofMinutes(3), null, null, null));
            out.add("qa-bot", new QaCheckRecorded(trajectory, "secrets-scan", QaCheckRecorded.Result.PASS, null,
                    null));
            out.add("review-desk", new QaReviewed(trajectory, QaReviewed.Decision.ACCEPT, "meets the criteria",
                    "reviewer-" + i % 20));
            out.add("labeler", new LabelApplied("l-" + i, trajectory, null, LabelApplied.Category.PROCESS,
                    "verification", null));
            out.add("curator", new TrajectoryAdmitted(DATASET, trajectory, i % 10 == 0 ? Split.EVAL : Split.TRAIN));
        }
        out.add("curator", new ExportSealed(DATASET, "export-1", digest("manifest"),
                new CheckpointRef(events.size(), digest("root")), "client-a", "training"));
        return events;
    }

    private static Digest digest(String text) {
        return Digest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Numbers events in log order, a millisecond apart. */
    private static final class Events {

        private final List<LineageEvent> events;
        private Instant time;

        Events(List<LineageEvent> events, Instant time) {
            this.events = events;
            this.time = time;
        }

        void add(String principal, Record payload) {
            time = time.plusMillis(1);
            long position = events.size() + 1;
            events.add(new LineageEvent(position, TENANT, principal, "e-" + position, time, payload));
        }
    }

}
