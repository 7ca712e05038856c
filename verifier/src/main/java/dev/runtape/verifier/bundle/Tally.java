package dev.runtape.verifier.bundle;

/** How one check went: items checked and items failed; {@code skipped} when it was not run (and why). */
public record Tally(Check check, long checked, long failed, String skipped) {

    public boolean wasSkipped() {
        return !skipped.isEmpty();
    }
}
