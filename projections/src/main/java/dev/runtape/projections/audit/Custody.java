package dev.runtape.projections.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trajectory as an audit shows it: where it came from, everything decided about it and by whom, and its statements
 * verified.
 *
 * @param events the chain of custody: every event of the trajectory's stream, in order
 * @param qaChecks each check with its result and flags, and who recorded it
 * @param reviews each review; the last one is the decision
 * @param labels every label, with whether it was retracted
 * @param redactions every redaction with its kind, reason and who applied it
 * @param unresolvedFlags the secret or PII flags of QA checks that no redaction followed
 */
public record Custody(String trajectoryId, @Nullable String split, @Nullable String taskId, String actor,
        @Nullable String model, @Nullable String sourceFormat, @Nullable String outcome, List<Event> events,
        List<Decision> qaChecks, List<Decision> reviews, List<Decision> labels, List<Decision> redactions,
        @Nullable Policy policy, List<String> unresolvedFlags, List<Verification> verifications) {

    public Custody {
        events = List.copyOf(events);
        qaChecks = List.copyOf(qaChecks);
        reviews = List.copyOf(reviews);
        labels = List.copyOf(labels);
        redactions = List.copyOf(redactions);
        unresolvedFlags = List.copyOf(unresolvedFlags);
        verifications = List.copyOf(verifications);
    }

    /** An event of the stream: what happened, when, by whom. */
    public record Event(long revision, String eventType, String principal, String issuedAt, long position) {
    }

    /** A decision about the trajectory: what was decided, the detail, who decided and when. */
    public record Decision(String what, String detail, String principal, String issuedAt) {
    }

    /** Retention, licence and permitted uses ({@code dataUse} null: unrestricted). */
    public record Policy(@Nullable String retentionUntil, @Nullable String licence, @Nullable List<String> dataUse) {
    }
}
