package dev.runtape.verifier.bundle;

import java.util.Objects;

/**
 * One failed check: which check, the item it failed on ({@code "statement 17 (trajectory/t-3 #4, 3fa2...)"}), and
 * why.
 */
public record Finding(Check check, String item, String reason) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return item + ": " + reason + " [" + check.key() + "]";
    }
}
