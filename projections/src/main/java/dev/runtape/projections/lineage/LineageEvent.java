package dev.runtape.projections.lineage;

import java.time.Instant;

/**
 * One event of the log as the builder needs it: where it stands, whose it is, who it speaks for, and its payload (an
 * event record of {@code dev.runtape.ledger.domain}).
 *
 * @param principal the statement's {@code iss}
 * @param recordedAt when the log committed it
 */
public record LineageEvent(long position, String tenant, String principal, String eventId, Instant recordedAt,
        Record payload) {
}
