package dev.runtape.verifier.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the verifier's JMH benchmarks and prints a table: each score with its error, and for COSE_Sign1 signing and
 * verifying the ratio to the raw Bouncy Castle rate of the same algorithm measured in the same run, beside the
 * targets (sign at least 0.85 of raw sign, verify at least 0.90 of raw verify). The targets are printed, never
 * asserted: the exit status says only whether the benchmarks ran.
 *
 * <p>Arguments are JMH's own command line ({@code -f 1 -wi 2 -w 2s -i 3 -r 3s}, a benchmark regex, {@code -prof
 * stack}, ...), also when they come as one string, as the {@code bench} profile of the pom passes them. Without a
 * regex every benchmark of this package runs. See docs/benchmarks.md.
 */
public final class BenchmarkReport {

    static final double SIGN_TARGET = 0.85;
    static final double VERIFY_TARGET = 0.90;

    /** A COSE_Sign1 benchmark, its raw Bouncy Castle counterpart, and the least ratio wanted between them. */
    private record Ratio(String label, String sign1, String raw, double target) {
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("Ed25519 sign: COSE_Sign1 / raw", "SignatureBenchmarks.ed25519Sign1Sign",
                    "SignatureBenchmarks.ed25519RawSign", SIGN_TARGET),
            new Ratio("Ed25519 verify: COSE_Sign1 / raw", "SignatureBenchmarks.ed25519Sign1Verify",
                    "SignatureBenchmarks.ed25519RawVerify", VERIFY_TARGET),
            new Ratio("ES256 sign: COSE_Sign1 / raw", "SignatureBenchmarks.es256Sign1Sign",
                    "SignatureBenchmarks.es256RawSign", SIGN_TARGET),
            new Ratio("ES256 verify: COSE_Sign1 / raw", "SignatureBenchmarks.es256Sign1Verify",
                    "SignatureBenchmarks.es256RawVerify", VERIFY_TARGET));

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(split(args));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(BenchmarkReport.class.getPackageName().replace(".", "\\.") + "\\..*");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, System.out);
    }

    /** The arguments split at white space: Maven's exec plugin hands {@code ${bench.args}} over as one. */
    static String[] split(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words.toArray(String[]::new);
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Result<?>> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            byName.put(name(result.getParams()), result.getPrimaryResult());
        }
        int width = Math.max(40, byName.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.println();
        out.println("Runtape verifier benchmarks (one thread; higher is better)");
        out.printf(Locale.ROOT, "%-" + width + "s %16s %14s  %s%n", "benchmark", "score", "error (99.9%)", "unit");
        for (Map.Entry<String, Result<?>> entry : byName.entrySet()) {
            Result<?> result = entry.getValue();
            out.printf(Locale.ROOT, "%-" + width + "s %16.1f %14s  %s%n", entry.getKey(), result.getScore(),
                    Double.isNaN(result.getScoreError()) ? "-" : String.format(Locale.ROOT, "± %.1f",
                            result.getScoreError()), result.getScoreUnit());
        }
        out.println();
        out.println("COSE_Sign1 against raw Bouncy Castle, same run (printed, not asserted)");
        out.printf(Locale.ROOT, "%-" + width + "s %16s %14s  %s%n", "ratio", "value", "target", "");
        for (Ratio ratio : RATIOS) {
            Optional<Result<?>> sign1 = Optional.ofNullable(byName.get(ratio.sign1()));
            Optional<Result<?>> raw = Optional.ofNullable(byName.get(ratio.raw()));
            String target = String.format(Locale.ROOT, ">= %.2f", ratio.target());
            if (sign1.isEmpty() || raw.isEmpty()) {
                out.printf(Locale.ROOT, "%-" + width + "s %16s %14s%n", ratio.label(), "not run", target);
                continue;
            }
            double value = sign1.get().getScore() / raw.get().getScore();
            out.printf(Locale.ROOT, "%-" + width + "s %16.3f %14s  %s%n", ratio.label(), value, target,
                    value >= ratio.target() ? "meets the target" : "MISSES the target");
        }
    }

    /** {@code Class.method} with its parameters, e.g. {@code MerkleBenchmarks.root (leaves=1024)}. */
    static String name(BenchmarkParams params) {
        StringBuilder name = new StringBuilder(shortName(params.getBenchmark()));
        if (!params.getParamsKeys().isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String key : params.getParamsKeys()) {
                values.add(key + "=" + params.getParam(key));
            }
            name.append(" (").append(String.join(", ", values)).append(')');
        }
        return name.toString();
    }

    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
