package dev.runtape.ledger.domain.common;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A policy was set on a trajectory or a dataset: how long it may be kept, under what licence, and for which purposes
 * ({@code dataUse} absent: unrestricted). Recorded in the stream of its subject.
 */
public record PolicySet(PolicySubject subject, @Nullable Instant retentionUntil, @Nullable String licence,
        @Nullable List<String> dataUse) {

    public PolicySet {
        dataUse = dataUse == null ? null : List.copyOf(dataUse);
    }
}
