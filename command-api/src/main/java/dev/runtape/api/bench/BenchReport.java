package dev.runtape.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of a run, as a table or as one JSON object: every load, and for each batch size the HTTP path's rate
 * over the ledger's, against the target at the largest batch.
 */
public record BenchReport(List<LoadResult> results, double target) {

    public BenchReport {
        results = List.copyOf(results);
    }

    /** The HTTP path's appends per second over the ledger path's at {@code batch}, if both ran. */
    public Optional<Double> ratio(int batch) {
        Optional<LoadResult> http = find("http", batch);
        Optional<LoadResult> ledger = find("ledger", batch);
        if (http.isEmpty() || ledger.isEmpty() || ledger.get().appendsPerSecond() == 0) {
            return Optional.empty();
        }
        return Optional.of(http.get().appendsPerSecond() / ledger.get().appendsPerSecond());
    }

    private List<Integer> batches() {
        return results.stream().map(LoadResult::batch).distinct().sorted().toList();
    }

    private Optional<LoadResult> find(String path, int batch) {
        return results.stream().filter(r -> r.path().equals(path) && r.batch() == batch).findFirst();
    }

    public void printTable(PrintWriter out) {
        out.printf(Locale.ROOT, "%-7s %6s %8s %10s %12s %11s %9s %9s %9s%n", "path", "batch", "clients", "appends",
                "appends/s", "steps/s", "p50 ms", "p99 ms", "max ms");
        for (LoadResult r : results) {
            out.printf(Locale.ROOT, "%-7s %6d %8d %10d %12.1f %11.1f %9.2f %9.2f %9.2f%n", r.path(), r.batch(),
                    r.clients(), r.appends(), r.appendsPerSecond(), r.stepsPerSecond(), r.p50Millis(), r.p99Millis(),
                    r.maxMillis());
        }
        for (int batch : batches()) {
            ratio(batch).ifPresent(ratio -> out.printf(Locale.ROOT, "http / ledger at batch %d: %.3f%s%n", batch,
                    ratio, batch == largestBatch() ? String.format(Locale.ROOT, " (target %.2f: %s)", target,
                            ratio >= target ? "met" : "not met") : ""));
        }
        out.flush();
    }

    public void printJson(PrintWriter out, ObjectMapper json) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("results");
        for (LoadResult r : results) {
            list.addObject().put("path", r.path()).put("batch", r.batch()).put("clients", r.clients())
                    .put("appends", r.appends()).put("appends_per_second", r.appendsPerSecond())
                    .put("steps_per_second", r.stepsPerSecond()).put("p50_ms", r.p50Millis())
                    .put("p99_ms", r.p99Millis()).put("max_ms", r.maxMillis());
        }
        ArrayNode ratios = root.putArray("ratios");
        for (int batch : batches()) {
            ratio(batch).ifPresent(ratio -> ratios.addObject().put("batch", batch).put("http_over_ledger", ratio));
        }
        root.put("target_at_largest_batch", target);
        out.println(json.writeValueAsString(root));
        out.flush();
    }

    private int largestBatch() {
        List<Integer> batches = batches();
        return batches.isEmpty() ? 0 : batches.getLast();
    }
}
