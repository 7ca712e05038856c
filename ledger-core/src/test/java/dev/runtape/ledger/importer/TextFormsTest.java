package dev.runtape.ledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes kept only in text, and test runs recognised from their summaries. */
class TextFormsTest {

    private final TestRunRecognizer tests = new TestRunRecognizer();

    @Test
    void exitCodesAreReadFromEachTextFormAndOtherwiseUnknown() {
        assertThat(ExitCodes.parse("Exit code 1\nThe following paths are ignored")).contains(1);
        assertThat(ExitCodes.parse("<returncode>127</returncode>\n<output>\n")).contains(127);
        assertThat(ExitCodes.parse("done\n[Command finished with exit code 2]")).contains(2);
        assertThat(ExitCodes.parse("flake8 failed with exit code: 1")).contains(1);
        assertThat(ExitCodes.parse("all good")).isEmpty();
    }

    @Test
    void pytestSummariesGiveCountsAndTheFailingTests() {
        TestRun run = tests.recognize("pytest -q", "FAILED tests/test_a.py::test_x - assert 1 == 2\n"
                + "===== 1 failed, 11 passed, 2 skipped in 0.12s =====\n").orElseThrow();

        assertThat(run).isEqualTo(new TestRun("pytest", 11, 1, 2L, List.of("tests/test_a.py::test_x")));
    }

    @Test
    void mavenGoCargoAndJestSummariesAreRecognised() {
        assertThat(tests.recognize("mvn test", "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0\n"
                + "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1\n")).contains(
                new TestRun("junit", 3, 2, 1L, List.of()));
        assertThat(tests.recognize("go test -v ./...", "--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.01s)\n"
                + "FAIL\texample.com/m\t0.02s\n")).contains(new TestRun("go-test", 1, 1, 0L, List.of("TestB")));
        assertThat(tests.recognize("go test ./...", "ok  \texample.com/a\t0.01s\nFAIL\texample.com/b\t0.02s\n"))
                .contains(new TestRun("go-test", 1, 1, null, List.of()));
        assertThat(tests.recognize("cargo test", "test x::y ... FAILED\n"
                + "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured\n"
                + "test result: ok. 2 passed; 0 failed; 1 ignored; 0 measured\n"))
                .contains(new TestRun("cargo-test", 5, 1, 1L, List.of("x::y")));
        assertThat(tests.recognize("npm test", "Tests:       1 failed, 5 passed, 6 total\n"))
                .contains(new TestRun("npm-test", 5, 1, null, List.of()));
    }

    @Test
    void outputWithoutASummaryIsNoTestRunHoweverTheCommandLooks() {
        assertThat(tests.recognize("pytest", "ImportError: no module named foo")).isEmpty();
        assertThat(tests.recognize("ls", "total 44")).isEmpty();
    }
}
