package dev.runtape.ledger.domain;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What the aggregate tests expect of a refused command: no event, and a violation of one named rule. */
public final class Violations {

    private Violations() {
    }

    /** Asserts that the command applied nothing and broke {@code rule}. */
    public static void violates(ResultValidator<?> result, Rule rule) {
        result.expectNoEvents().expectException(violationOf(rule));
    }

    private static Matcher<Throwable> violationOf(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of " + rule);
            }
        };
    }
}
