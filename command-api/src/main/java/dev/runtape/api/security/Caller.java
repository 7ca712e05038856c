package dev.runtape.api.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authenticated principal of a request: its name (a statement's {@code iss}), its tenant and its roles.
 */
public record Caller(String principal, String tenant, Set<Role> roles) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");

    public Caller {
        requireName("principal", principal);
        requireName("tenant", tenant);
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a caller needs at least one role");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    static void requireName(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a " + what + " is 1 to 128 letters, digits and . _ : @ / -, "
                    + "starting with a letter or digit: \"" + value + "\"");
        }
    }
}
