package dev.runtape.projections.analytics;

/**
 * The step labels of steps.cddl's {@code semantic-action}: what a step did for solving the task. The analyser
 * proposes them; a reviewer confirms or retracts them.
 */
public enum SemanticAction {
    LOCALIZATION("localization"), HYPOTHESIS("hypothesis"), EDIT("edit"), VERIFICATION("verification"),
    RECOVERY("recovery"), HANDOFF("handoff");

    private final String wire;

    SemanticAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
