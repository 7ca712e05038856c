package dev.runtape.schemas.cddl.internal;

import dev.runtape.schemas.cddl.syntax.TypeExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The generic arguments in scope: each parameter bound to a type and the environment that type is read in. */
final class Env {

    static final Env EMPTY = new Env(Map.of());

    record Binding(TypeExpr type, Env env) {
    }

    private final Map<String, Binding> bindings;

    private Env(Map<String, Binding> bindings) {
        this.bindings = bindings;
    }

    /** A new scope binding {@code parameters} to {@code arguments}, which are read in {@code argumentEnv}. */
    static Env bind(List<String> parameters, List<TypeExpr> arguments, Env argumentEnv) {
        if (parameters.isEmpty()) {
            return EMPTY;
        }
        Map<String, Binding> bindings = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            bindings.put(parameters.get(i), new Binding(arguments.get(i), argumentEnv));
        }
        return new Env(bindings);
    }

    @Nullable Binding lookup(String name) {
        return bindings.get(name);
    }

    /**
     * What this scope binds, as a value that is equal for two scopes that bind the same parameters to the same schema
     * nodes in equal scopes: the compiler instantiates a generic rule once per such key.
     */
    Object key() {
        if (bindings.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> key = new HashMap<>();
        bindings.forEach((name, binding) -> key.put(name, List.of(new Same(binding.type()), binding.env().key())));
        return key;
    }

    /** A schema node compared by identity: the nodes are records, whose own equality would walk whole subtrees. */
    record Same(Object node) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same that && that.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }
}
