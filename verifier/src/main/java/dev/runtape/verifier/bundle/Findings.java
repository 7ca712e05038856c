package dev.runtape.verifier.bundle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects the outcome of each check while a bundle is verified, from the reading thread and the signature workers
 * at once. Keeps the first {@link BundleReport#MAX_FINDINGS} failures and counts the rest.
 */
final class Findings {

    private final Map<Check, LongAdder> checked = new EnumMap<>(Check.class);
    private final Map<Check, LongAdder> failed = new EnumMap<>(Check.class);
    private final Map<Check, String> skipped = new EnumMap<>(Check.class);
    private final List<Finding> kept = new ArrayList<>();
    private final LongAdder total = new LongAdder();

    Findings() {
        for (Check check : Check.values()) {
            checked.put(check, new LongAdder());
            failed.put(check, new LongAdder());
        }
    }

    void passed(Check check) {
        checked.get(check).increment();
    }

    /** Adds what one thread counted: a shared counter touched at every pass would cost more than many a check. */
    void passed(Passes passes) {
        for (Check check : Passes.CHECKS) {
            long count = passes.counts[check.ordinal()];
            if (count > 0) {
                checked.get(check).add(count);
                passes.counts[check.ordinal()] = 0;
            }
        }
    }

    /** Passes counted on one thread, to be added to the findings at once ({@link #passed(Passes)}). */
    static final class Passes {

        private static final Check[] CHECKS = Check.values();

        private final long[] counts = new long[CHECKS.length];

        void passed(Check check) {
            counts[check.ordinal()]++;
        }
    }

    void failed(Check check, String item, String reason) {
        checked.get(check).increment();
        failed.get(check).increment();
        total.increment();
        synchronized (kept) {
            if (kept.size() < BundleReport.MAX_FINDINGS) {
                kept.add(new Finding(check, item, reason));
            }
        }
    }

    /** Records that {@code check} did not run, and why; only before anything was checked with it. */
    synchronized void skip(Check check, String why) {
        skipped.put(check, why);
    }

    List<Tally> tallies() {
        List<Tally> tallies = new ArrayList<>();
        for (Check check : Check.values()) {
            tallies.add(new Tally(check, checked.get(check).sum(), failed.get(check).sum(),
                    skipped.getOrDefault(check, "")));
        }
        return tallies;
    }

    List<Finding> kept() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    long total() {
        return total.sum();
    }
}
