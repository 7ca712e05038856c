package dev.runtape.verifier.bench;

import dev.runtape.verifier.bundle.BundleGenerator;
import dev.runtape.verifier.bundle.BundleReport;
import dev.runtape.verifier.bundle.BundleVerifier;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Measures {@code runtape-verify bundle}: full verification of a generated bundle against the raw Bouncy Castle
 * Ed25519 verify rate times the cores in the same run, {@code --fast} statements a second, and the heap a large
 * bundle needs: whether it verifies in a JVM capped at 256 and 128 MB. Prints figures; asserts nothing (docs/benchmarks.md).
 *
 * <p>Arguments: {@code --statements N} (default 100000), {@code --large M} (default 1000000; 0 to skip the heap
 * runs), {@code --heap SIZES} (the caps of the heap runs, comma-separated, default 256m,160m), {@code --modes} (of the heap runs: {@code --fast,full}),
 * {@code --warmup W} (the statements of the bundle verified once in each mode before the measured runs, default 5000),
 * {@code --rounds R} (the verifications of the bundle in each mode, alternating; default 8, the median of the
 * second half reported).
 */
public final class BundleBenchmark {

    private static final int PER_TRAJECTORY = 50;

    private BundleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = BenchmarkReport.split(args);
        long statements = option(words, "--statements", 100_000);
        long large = option(words, "--large", 1_000_000);
        String heap = text(words, "--heap", "256m,160m");
        String modes = text(words, "--modes", "--fast,full");
        long warmup = option(words, "--warmup", 5_000);
        long rounds = Math.max(1, option(words, "--rounds", 8));
        int cores = Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("bundle-bench");
        try {
            System.out.printf(Locale.ROOT, "cores: %d, JDK %s%n", cores, Runtime.version());
            Path bundle = generate(dir.resolve("bench.bundle"), statements);
            Path warm = generate(dir.resolve("warm.bundle"), warmup);
            BundleVerifier.verify(warm, BundleVerifier.Options.defaults());
            BundleVerifier.verify(warm, BundleVerifier.Options.defaults().withFast(true));

            double raw = rawVerifyRate(1, 3);
            double rawAll = rawVerifyRate(cores, 3);
            // Alternating, so that both modes see the same machine; the median is the JIT's steady state.
            List<BundleReport> full = new ArrayList<>();
            List<BundleReport> fast = new ArrayList<>();
            for (long round = 0; round < rounds; round++) {
                full.add(BundleVerifier.verify(bundle, BundleVerifier.Options.defaults()));
                fast.add(BundleVerifier.verify(bundle, BundleVerifier.Options.defaults().withFast(true)));
            }
            double fullRate = median(full);
            double fastRate = median(fast);
            System.out.printf(Locale.ROOT, "raw Bouncy Castle Ed25519 verify: %,.0f/s on one thread; %,.0f/s on %d "
                    + "threads at once (x%d cores would be %,.0f/s)%n", raw, rawAll, cores, cores, raw * cores);
            System.out.printf(Locale.ROOT, "full verification of %,d statements: %,.0f statements/s, the median of"
                    + " the last %d of %d rounds (%s) = %.2f of raw x cores, %.2f of raw on %d threads at once%n",
                    full.getFirst().statements(), fullRate, rounds - rounds / 2, rounds, rounds(full),
                    fullRate / (raw * cores), fullRate / rawAll, cores);
            System.out.printf(Locale.ROOT, "--fast verification of %,d statements: %,.0f statements/s, the median"
                    + " of the last %d of %d rounds (%s) = %.2f of 500,000/s%n", fast.getFirst().statements(), fastRate,
                    rounds - rounds / 2, rounds, rounds(fast), fastRate / 500_000);
            if (large > 0) {
                Path big = generate(dir.resolve("large.bundle"), large);
                for (String cap : heap.split(",")) {
                    for (String mode : modes.split(",")) {
                        System.out.println("heap, " + mode + ", " + String.format(Locale.ROOT, "%,d", large)
                                + " statements (" + Files.size(big) / (1024 * 1024) + " MiB), -Xmx" + cap + ": "
                                + probe(big, cap, mode));
                    }
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * Run in a child JVM by {@link #probe}: verifies a bundle and prints the outcome, the rate and the collections.
     * The heap the verifier needs is bounded by the smallest {@code -Xmx} under which this succeeds.
     */
    public static final class HeapProbe {
        public static void main(String[] args) throws IOException {
            BundleVerifier.Options options = BundleVerifier.Options.defaults().withFast(args[1].equals("--fast"));
            BundleReport report = BundleVerifier.verify(Path.of(args[0]), options);
            long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            System.out.printf(Locale.ROOT, "valid %s, %,.0f statements/s, %d collections, max heap %d MiB%n",
                    report.valid(), rate(report), collections, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static String probe(Path bundle, String heap, String mode) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(),
                bundle.toString(), mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(1, TimeUnit.HOURS);
        return process.exitValue() == 0 ? output : "failed (exit " + process.exitValue() + "): " + output;
    }

    /** A bundle of about {@code statements} statements at {@code file}, as every bundle benchmark verifies. */
    static Path generate(Path file, long statements) throws IOException {
        long started = System.nanoTime();
        int trajectories = (int) Math.max(1, statements / PER_TRAJECTORY);
        BundleGenerator.write(new BundleGenerator.Config(trajectories, PER_TRAJECTORY - 3, true, 4), file);
        System.out.printf(Locale.ROOT, "generated %s: %,d trajectories of %d statements, %,d bytes, in %.1f s%n",
                file.getFileName(), trajectories, PER_TRAJECTORY, Files.size(file),
                (System.nanoTime() - started) / 1e9);
        return file;
    }

    /** Raw Ed25519 verifications a second on {@code threads} threads at once, each verifying for {@code seconds}. */
    private static double rawVerifyRate(int threads, int seconds) throws Exception {
        SecureRandom random = new SecureRandom();
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        Ed25519PublicKeyParameters publicKey = key.generatePublicKey();
        byte[] message = new byte[200];
        random.nextBytes(message);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        if (!publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
                            throw new IllegalStateException("a good signature did not verify");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The median rate of the second half of the rounds (the JIT still compiles during the first ones), each of which
     * must have found the bundle valid.
     */
    private static double median(List<BundleReport> reports) {
        if (!reports.stream().allMatch(BundleReport::valid)) {
            throw new IllegalStateException("a round found the generated bundle invalid");
        }
        double[] rates = reports.subList(reports.size() / 2, reports.size()).stream()
                .mapToDouble(BundleBenchmark::rate).sorted().toArray();
        return rates[rates.length / 2];
    }

    /** Each round's rate, in the order they ran. */
    private static String rounds(List<BundleReport> reports) {
        return String.join(", ", reports.stream().map(r -> String.format(Locale.ROOT, "%,.0f", rate(r))).toList());
    }

    private static double rate(BundleReport report) {
        return report.statements() / (report.elapsed().toNanos() / 1e9);
    }

    static long option(String[] words, String name, long otherwise) {
        String value = text(words, name, null);
        return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
    }

    static String text(String[] words, String name, String otherwise) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(name)) {
                return words[i + 1];
            }
        }
        return otherwise;
    }
}
