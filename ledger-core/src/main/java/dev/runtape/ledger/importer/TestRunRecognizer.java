package dev.runtape.ledger.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a test run from its command and output, by the summary each framework prints: pytest's
 * {@code == 1 failed, 11 passed in 0.12s ==}, Maven Surefire's {@code Tests run: 6, Failures: 1, Errors: 0,
 * Skipped: 0}, go test's {@code ok}/{@code FAIL} and {@code --- FAIL:} lines, cargo's {@code test result: ok. 3 passed;
 * 0 failed} and Jest's {@code Tests: 1 failed, 5 passed, 6 total}. Output without a summary is not a test run, however
 * the command looks: counts are only ever read, never guessed.
 */
public final class TestRunRecognizer {

    private static final Pattern PYTEST_SUMMARY = Pattern.compile(
            "(?m)^=*\\s*((?:\\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|warnings?|deselected)(?:, )?)+)"
                    + " in [\\d.]+s(?: \\([^)]*\\))?\\s*=*\\s*$");
    private static final Pattern PYTEST_COUNT = Pattern.compile("(\\d+) (passed|failed|errors?|skipped)");
    private static final Pattern PYTEST_FAILED = Pattern.compile("(?m)^(?:FAILED|ERROR) (\\S+)");
    private static final Pattern SUREFIRE = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");
    private static final Pattern SUREFIRE_FAILED = Pattern.compile("(?m)^\\[ERROR]\\s+(\\S+)\\s+(?:<<<|Time elapsed)");
    private static final Pattern GO_CASE = Pattern.compile("(?m)^\\s*--- (PASS|FAIL|SKIP): (\\S+)");
    private static final Pattern GO_PACKAGE = Pattern.compile("(?m)^(ok|FAIL)\\s+\\S+\\s+(?:[\\d.]+s|\\(cached\\))");
    private static final Pattern CARGO = Pattern.compile(
            "test result: (?:ok|FAILED)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored");
    private static final Pattern CARGO_FAILED = Pattern.compile("(?m)^test (\\S+) \\.\\.\\. FAILED$");
    private static final Pattern JEST = Pattern.compile("(?m)^Tests:\\s+(.*?)(\\d+) total\\s*$");
    private static final Pattern JEST_COUNT = Pattern.compile("(\\d+) (passed|failed|skipped)");
    private static final Pattern JEST_FAILED = Pattern.compile("(?m)^\\s*● (.+?) › (.+)$");

    /** The test run the output summarises, or empty when it holds no summary this recognizer knows. */
    public Optional<TestRun> recognize(String command, String output) {
        String lower = command.toLowerCase(Locale.ROOT);
        return pytest(output)
                .or(() -> surefire(output))
                .or(() -> cargo(output))
                .or(() -> jest(output, lower))
                .or(() -> lower.contains("go test") ? goTest(output) : Optional.empty());
    }

    private static Optional<TestRun> pytest(String output) {
        String last = lastGroup(PYTEST_SUMMARY, output);
        if (last == null) {
            return Optional.empty();
        }
        long passed = 0;
        long failed = 0;
        Long skipped = null;
        Matcher count = PYTEST_COUNT.matcher(last);
        while (count.find()) {
            long n = Long.parseLong(count.group(1));
            switch (count.group(2)) {
                case "passed" -> passed += n;
                case "skipped" -> skipped = n;
                default -> failed += n; // failed, error, errors: the run did not pass them
            }
        }
        return Optional.of(new TestRun("pytest", passed, failed, skipped, all(PYTEST_FAILED, output, 1)));
    }

    private static Optional<TestRun> surefire(String output) {
        Matcher matcher = SUREFIRE.matcher(output);
        long[] last = null;
        while (matcher.find()) {
            // Surefire prints a line per test class and then the totals: the last line is the whole run.
            last = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4))};
        }
        if (last == null) {
            return Optional.empty();
        }
        long failed = last[1] + last[2];
        return Optional.of(new TestRun("junit", Math.max(0, last[0] - failed - last[3]), failed, last[3],
                all(SUREFIRE_FAILED, output, 1)));
    }

    private static Optional<TestRun> cargo(String output) {
        Matcher matcher = CARGO.matcher(output);
        long passed = 0;
        long failed = 0;
        long ignored = 0;
        boolean found = false;
        while (matcher.find()) {
            // One line per test binary (unit tests, each integration test, doc tests): the run is their sum.
            found = true;
            passed += Long.parseLong(matcher.group(1));
            failed += Long.parseLong(matcher.group(2));
            ignored += Long.parseLong(matcher.group(3));
        }
        return found ? Optional.of(new TestRun("cargo-test", passed, failed, ignored, all(CARGO_FAILED, output, 1)))
                : Optional.empty();
    }

    private static Optional<TestRun> jest(String output, String command) {
        String counts = lastGroup(JEST, output);
        if (counts == null) {
            return Optional.empty();
        }
        long passed = 0;
        long failed = 0;
        Long skipped = null;
        Matcher count = JEST_COUNT.matcher(counts);
        while (count.find()) {
            long n = Long.parseLong(count.group(1));
            switch (count.group(2)) {
                case "passed" -> passed = n;
                case "failed" -> failed = n;
                default -> skipped = n;
            }
        }
        List<String> failures = new ArrayList<>();
        Matcher failure = JEST_FAILED.matcher(output);
        while (failure.find()) {
            failures.add(failure.group(1).strip() + " › " + failure.group(2).strip());
        }
        String framework = command.contains("jest") ? "jest" : "npm-test";
        return Optional.of(new TestRun(framework, passed, failed, skipped, failures.stream().distinct().toList()));
    }

    private static Optional<TestRun> goTest(String output) {
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        List<String> failures = new ArrayList<>();
        Matcher testCase = GO_CASE.matcher(output);
        while (testCase.find()) {
            switch (testCase.group(1)) {
                case "PASS" -> passed++;
                case "FAIL" -> {
                    failed++;
                    failures.add(testCase.group(2));
                }
                default -> skipped++;
            }
        }
        if (passed + failed + skipped > 0) {
            return Optional.of(new TestRun("go-test", passed, failed, skipped, failures));
        }
        // Without -v go test prints one line per package: count packages then.
        Matcher pkg = GO_PACKAGE.matcher(output);
        while (pkg.find()) {
            if (pkg.group(1).equals("ok")) {
                passed++;
            } else {
                failed++;
            }
        }
        return passed + failed > 0 ? Optional.of(new TestRun("go-test", passed, failed, null, List.of()))
                : Optional.empty();
    }

    private static List<String> all(Pattern pattern, String output, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(output);
        while (matcher.find()) {
            String name = matcher.group(group);
            if (!found.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    /** Group 1 of the last match: tools print a summary per part and then one for the whole run. */
    private static @Nullable String lastGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }
}
