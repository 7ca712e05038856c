package dev.runtape.api.admin;

import dev.runtape.api.security.Role;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code POST /admin/api-keys}: whom the key speaks for, in which tenant (the caller's by default), with which roles. */
public record IssueApiKeyRequest(String principal, @Nullable String tenant, Set<Role> roles) {
}
