package dev.runtape.ledger.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A point in time as a source wrote it, and what it means in UTC. */
public record Timestamp(Instant instant, String original) {

    /**
     * Parses ISO 8601 with an offset or {@code Z} ("2025-06-01T10:00:00.123Z"), or without one, which is taken as UTC
     * (OpenHands and others write local times of containers that run in UTC); empty when it is neither.
     */
    public static Optional<Timestamp> parse(String text) {
        String trimmed = text.strip();
        try {
            return Optional.of(new Timestamp(OffsetDateTime.parse(trimmed).toInstant(), text));
        } catch (DateTimeException notOffset) {
            try {
                return Optional.of(new Timestamp(LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC), text));
            } catch (DateTimeException notLocal) {
                return Optional.empty();
            }
        }
    }

    /** Seconds since the epoch, as Unix tools write them (fractions kept to the millisecond). */
    public static Timestamp ofEpochSeconds(double seconds, String original) {
        return new Timestamp(Instant.ofEpochMilli(Math.round(seconds * 1000)), original);
    }
}
