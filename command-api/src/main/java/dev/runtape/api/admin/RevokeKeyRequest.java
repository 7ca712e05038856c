package dev.runtape.api.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /admin/keys/{kid}/revocation}: from when the key stops counting.
 *
 * @param effectiveAt statements issued at or after it no longer verify with the key; now when left out. An earlier
 *     time than a revocation already made brings it forward; a later one leaves it.
 */
public record RevokeKeyRequest(@Nullable Instant effectiveAt) {
}
