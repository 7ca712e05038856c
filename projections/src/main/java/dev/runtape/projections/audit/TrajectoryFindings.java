package dev.runtape.projections.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The policy findings about the trajectories of a dataset. */
final class TrajectoryFindings {

    private TrajectoryFindings() {
    }

    /** What is wrong with one trajectory, checked against {@code purpose} and the time {@code now}. */
    static List<Finding> of(Custody custody, @Nullable String purpose, Instant now) {
        List<Finding> findings = new ArrayList<>();
        String subject = "trajectory " + custody.trajectoryId();
        if (!custody.unresolvedFlags().isEmpty()) {
            findings.add(new Finding(Finding.Kind.UNRESOLVED_FLAG, subject, "QA flagged "
                    + String.join(" and ", custody.unresolvedFlags()) + " and no redaction followed"));
        }
        Custody.Policy policy = custody.policy();
        if (policy != null && policy.dataUse() != null && purpose != null && !policy.dataUse().contains(purpose)) {
            findings.add(new Finding(Finding.Kind.DATA_USE_FORBIDS_PURPOSE, subject, "permitted uses "
                    + policy.dataUse() + " do not include the purpose \"" + purpose + "\""));
        }
        if (policy != null && policy.retentionUntil() != null && overdue(policy.retentionUntil(), now)) {
            findings.add(new Finding(Finding.Kind.RETENTION_OVERDUE, subject, "kept until "
                    + policy.retentionUntil() + ", which has passed"));
        }
        custody.verifications().stream().filter(v -> !v.ok()).forEach(v -> findings.add(new Finding(
                Finding.Kind.VERIFICATION_FAILED, v.stream() + "@" + v.revision(), v.problem())));
        return findings;
    }

    /** Tasks whose trajectories are in both the train and the eval split: the eval leaks into training. */
    static List<Finding> splits(List<Custody> trajectories) {
        Map<String, Set<String>> splits = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (Custody custody : trajectories) {
            if (custody.taskId() == null || custody.split() == null) {
                continue;
            }
            splits.computeIfAbsent(custody.taskId(), t -> new TreeSet<>()).add(custody.split());
            members.computeIfAbsent(custody.taskId(), t -> new TreeSet<>()).add(custody.trajectoryId());
        }
        List<Finding> findings = new ArrayList<>();
        splits.forEach((task, in) -> {
            if (in.contains("train") && in.contains("eval")) {
                findings.add(new Finding(Finding.Kind.TASK_IN_BOTH_SPLITS, "task " + task, "trajectories "
                        + members.get(task) + " are in both train and eval"));
            }
        });
        return findings;
    }

    private static boolean overdue(String until, Instant now) {
        try {
            return Instant.parse(until).isBefore(now);
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }
}
