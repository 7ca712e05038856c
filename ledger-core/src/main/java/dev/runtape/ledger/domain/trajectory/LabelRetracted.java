package dev.runtape.ledger.domain.trajectory;

/** A label no longer holds. It stays in history; this records why. */
public record LabelRetracted(String labelId, String trajectoryId, String reason) {
}
