package dev.runtape.ledger.importer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a test run's output says: the framework, how many tests passed and failed, and which failed. */
public record TestRun(String framework, long passed, long failed, @Nullable Long skipped, List<String> failures) {

    public TestRun {
        failures = List.copyOf(failures);
    }
}
