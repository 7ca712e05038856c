package dev.runtape.verifier.bench;

import dev.runtape.verifier.bundle.BundleVerifier;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares builds of the verifier on one generated bundle, in one JVM: each build's classes are loaded by a class
 * loader of their own, and their rounds alternate, so that the machine's drift in speed (a fifth within minutes on
 * this machine) falls on every build alike. Each round is set against the first build's in the same turn; the
 * median and quartiles of those ratios, over the last two thirds of the rounds (the first third warms up), say which
 * build is faster and how sure that is. A build is a {@code classes} directory of the verifier module, such as
 * {@code verifier/target/classes} of a worktree checked out at another commit and compiled there.
 *
 * <p>Arguments: {@code --builds DIR,DIR[,...]} (the first is the one compared with), {@code --statements N} (default
 * 100000), {@code --rounds R} (each build's, default 60), {@code --mode fast|full} (default fast).
 */
public final class BuildComparison {

    private BuildComparison() {
    }

    /** One build's entry point, reached by reflection: its classes are not this loader's. */
    private record Build(String name, Method verify, Object options, Method statements, Method valid) {

        static Build load(Path classes, ClassLoader dependencies, boolean fast) throws ReflectiveOperationException,
                java.net.MalformedURLException {
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, dependencies);
            Class<?> verifier = loader.loadClass(BundleVerifier.class.getName());
            Class<?> optionsType = loader.loadClass(BundleVerifier.Options.class.getName());
            Object options = optionsType.getMethod("withFast", boolean.class)
                    .invoke(optionsType.getMethod("defaults").invoke(null), fast);
            Class<?> report = loader.loadClass("dev.runtape.verifier.bundle.BundleReport");
            return new Build(classes.toString(), verifier.getMethod("verify", Path.class, optionsType), options,
                    report.getMethod("statements"), report.getMethod("valid"));
        }

        /** Statements a second of one verification of {@code bundle}. */
        double round(Path bundle) throws ReflectiveOperationException {
            long started = System.nanoTime();
            Object report = verify.invoke(null, bundle, options);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!(Boolean) valid.invoke(report)) {
                throw new IllegalStateException(name + " found the generated bundle invalid");
            }
            return (Long) statements.invoke(report) / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String[] words = BenchmarkReport.split(args);
        String builds = BundleBenchmark.text(words, "--builds", null);
        if (builds == null || !builds.contains(",")) {
            System.err.println("usage: BuildComparison --builds DIR,DIR[,...] [--statements N] [--rounds R] "
                    + "[--mode fast|full]; each DIR a verifier build's classes directory");
            System.exit(2);
        }
        List<Path> dirs = Arrays.stream(builds.split(",")).map(Path::of).toList();
        for (Path dir : dirs) {
            if (!Files.isRegularFile(dir.resolve("dev/runtape/verifier/bundle/BundleVerifier.class"))) {
                System.err.println("not a verifier build's classes directory (no BundleVerifier.class): " + dir);
                System.exit(2);
            }
        }
        long statements = BundleBenchmark.option(words, "--statements", 100_000);
        int rounds = (int) BundleBenchmark.option(words, "--rounds", 60);
        boolean fast = !BundleBenchmark.text(words, "--mode", "fast").equals("full");

        ClassLoader dependencies = dependencies();
        List<Build> loaded = new ArrayList<>();
        for (Path dir : dirs) {
            loaded.add(Build.load(dir, dependencies, fast));
        }
        Path bundle = BundleBenchmark.generate(Files.createTempFile("compared", ".bundle"), statements);
        try {
            double[][] rates = new double[loaded.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < loaded.size(); k++) {
                    // Turn by turn the order is reversed, so that no build always runs first after the others.
                    int b = round % 2 == 0 ? k : loaded.size() - 1 - k;
                    rates[b][round] = loaded.get(b).round(bundle);
                }
            }
            int from = rounds / 3;
            System.out.printf(Locale.ROOT, "%s, a bundle generated for %,d statements, %d rounds a build (the last %d "
                    + "counted)%n", fast ? "--fast" : "full", statements, rounds, rounds - from);
            for (int b = 0; b < loaded.size(); b++) {
                double[] own = Arrays.copyOfRange(rates[b], from, rounds);
                double[] ratios = new double[rounds - from];
                for (int round = from; round < rounds; round++) {
                    ratios[round - from] = rates[b][round] / rates[0][round];
                }
                Arrays.sort(own);
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "%s: median %,.0f statements/s, %.3f of the first build's "
                        + "(quartiles %.3f to %.3f)%n", loaded.get(b).name(), own[own.length / 2],
                        ratios[ratios.length / 2], ratios[ratios.length / 4], ratios[3 * ratios.length / 4]);
            }
        } finally {
            Files.deleteIfExists(bundle);
        }
    }

    /**
     * A loader of this JVM's class path but for the verifier's own classes (this build's and its tests'), which each
     * build brings itself: a parent that held them would be asked first and answer for every build.
     */
    private static ClassLoader dependencies() throws Exception {
        List<String> own = List.of(location(BundleVerifier.class), location(BuildComparison.class));
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !own.contains(Path.of(entry).toAbsolutePath().normalize().toString())) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize()
                .toString();
    }
}
