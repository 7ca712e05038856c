package dev.runtape.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /admin/ledger-keys/rotation}: the algorithm of the new key; the body may be left out.
 *
 * @param algorithm {@code ed25519} (the default) or {@code es256}
 */
public record RotateLedgerKeyRequest(
        @Schema(allowableValues = {"ed25519", "es256"}, defaultValue = "ed25519") @Nullable String algorithm) {
}
