package dev.runtape.api.commands;

import dev.runtape.api.security.Caller;
import dev.runtape.api.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the current request (the security filters have made sure there is one). */
public final class CallerArgument {

    private CallerArgument() {
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller) {
            return caller.getPrincipal();
        }
        throw new IllegalStateException("no authenticated caller: the endpoint is missing from the security table");
    }
}
