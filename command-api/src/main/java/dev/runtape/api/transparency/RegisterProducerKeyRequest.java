package dev.runtape.api.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /admin/producer-keys}: a producer's public key, as a JWK or as a COSE_Key (base64), and the principal
 * it signs for.
 *
 * @param validFrom from when the key counts (a statement's iat at or after it); now when left out
 */
public record RegisterProducerKeyRequest(String principal,
        @Schema(type = "object", description = "a public JWK (OKP Ed25519 or EC P-256)") @Nullable JsonNode jwk,
        @Schema(description = "a public COSE_Key, base64") byte @Nullable [] coseKey, @Nullable Instant validFrom) {
}
