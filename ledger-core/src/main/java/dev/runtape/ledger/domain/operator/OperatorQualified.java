package dev.runtape.ledger.domain.operator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An operator gained a qualification, e.g. "python-backend", possibly until a time. */
public record OperatorQualified(String operatorId, String qualification, @Nullable String level,
        @Nullable Instant validUntil) {
}
