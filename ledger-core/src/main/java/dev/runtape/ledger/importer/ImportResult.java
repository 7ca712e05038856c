package dev.runtape.ledger.importer;

import java.util.List;

/**
 * What an import wrote: the trajectory (and its children's results), and how many events it stored; 0 when the
 * ledger held everything already.
 */
public record ImportResult(String trajectoryId, String taskId, int steps, int eventsStored,
        List<ImportResult> children) {

    public ImportResult {
        children = List.copyOf(children);
    }

    /** Events stored for this trajectory and all its children. */
    public int totalEventsStored() {
        return eventsStored + children.stream().mapToInt(ImportResult::totalEventsStored).sum();
    }
}
