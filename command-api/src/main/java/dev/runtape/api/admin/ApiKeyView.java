package dev.runtape.api.admin;

import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the admin endpoints show it: never its secret or the secret's hash; {@code key}, the full text, only
 * in the answer that issued it.
 */
public record ApiKeyView(String id, String principal, String tenant, Set<Role> roles, Instant created,
        @Nullable Instant revoked, @Nullable String key) {

    static ApiKeyView of(ApiKeys.StoredKey stored) {
        return new ApiKeyView(stored.id(), stored.principal(), stored.tenant(), stored.roles(), stored.created(),
                stored.revoked(), null);
    }

    static ApiKeyView issued(ApiKeys.IssuedKey issued) {
        ApiKeys.StoredKey stored = issued.record();
        return new ApiKeyView(stored.id(), stored.principal(), stored.tenant(), stored.roles(), stored.created(),
                null, issued.key());
    }
}
