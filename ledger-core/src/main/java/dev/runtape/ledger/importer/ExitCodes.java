package dev.runtape.ledger.importer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exit codes that formats keep only in text: Claude Code's "Exit code 1", mini-swe-agent's
 * {@code <returncode>1</returncode>}, OpenHands' "[Command finished with exit code 1]", Aider's "exit code: 1".
 * Text with none of these has no known exit code, which is never taken to be 0.
 */
public final class ExitCodes {

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("<returncode>\\s*(-?\\d+)\\s*</returncode>"),
            Pattern.compile("\\[Command finished with exit code (-?\\d+)]"),
            Pattern.compile("(?m)^Exit code:? (-?\\d+)\\s*$"),
            Pattern.compile("(?i)exit code: (-?\\d+)"));

    private ExitCodes() {
    }

    /** The exit code written in the text, the first form that matches; empty when there is none. */
    public static Optional<Integer> parse(String text) {
        for (Pattern form : FORMS) {
            Matcher matcher = form.matcher(text);
            if (matcher.find()) {
                try {
                    return Optional.of(Integer.parseInt(matcher.group(1)));
                } catch (NumberFormatException tooLarge) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
