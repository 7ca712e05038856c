package dev.runtape.api.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code runtape bench http}: for each batch size, the same load sent straight to the ledger and through the HTTP
 * API, one after the other in one run, so that their ratio compares like with like on this machine now.
 */
public final class HttpBench {

    /** The share of the ledger's rate the HTTP path must keep at the largest batch (the command-api issue). */
    public static final double TARGET = 0.7;

    private final List<LoadSettings> loads;

    /** @throws IllegalArgumentException if a setting is out of range, before anything starts */
    public HttpBench(int clients, List<Integer> batches, Duration warmup, Duration time) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("name at least one batch size");
        }
        this.loads = LoadSettings.each(clients, batches, warmup, time);
    }

    /**
     * Runs the loads on a service started under {@code data}; the HTTP path goes to {@code server} with
     * {@code apiKey} when one is named, else to that service.
     */
    public BenchReport run(Path data, @Nullable URI server, @Nullable String apiKey, PrintWriter progress)
            throws Exception {
        List<LoadResult> results = new ArrayList<>();
        try (EmbeddedService service = EmbeddedService.start(data)) {
            Appender ledger = new LedgerAppender(service.node(), "runtape-bench", "default");
            Appender http = server == null ? new HttpAppender(service.uri(), service.adminKey())
                    : new HttpAppender(server, apiKey == null ? "" : apiKey);
            int run = 0;
            for (LoadSettings settings : loads) {
                for (Appender appender : List.of(ledger, http)) {
                    progress.printf(Locale.ROOT, "bench: %s path, batch %d, %d clients, %s warm-up, %s measured%n",
                            appender.path(), settings.batch(), settings.clients(), settings.warmup(),
                            settings.time());
                    progress.flush();
                    LoadResult result = Load.run(appender, settings, Long.toString(System.currentTimeMillis(), 36)
                            + "-" + run++);
                    progress.printf(Locale.ROOT, "bench:   %.1f appends/s, p99 %.2f ms%n", result.appendsPerSecond(),
                            result.p99Millis());
                    progress.flush();
                    results.add(result);
                }
            }
        }
        return new BenchReport(results, TARGET);
    }
}
