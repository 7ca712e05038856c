package dev.runtape.ledger.importer;

import dev.runtape.ledger.domain.common.Model;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The model behind a name as trajectory files write it: "anthropic/claude-3-5-sonnet" names its provider, a bare
 * "gpt-4o" is known by its family. A name of no known family keeps provider "unknown" rather than a guess.
 */
public final class Models {

    private Models() {
    }

    public static @Nullable Model of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String id = name.strip();
        int slash = id.indexOf('/');
        if (slash > 0 && slash < id.length() - 1) {
            return new Model(id.substring(0, slash), id.substring(slash + 1));
        }
        return new Model(provider(id.toLowerCase(Locale.ROOT)), id);
    }

    private static String provider(String id) {
        if (id.startsWith("gpt") || id.startsWith("o1") || id.startsWith("o3") || id.startsWith("o4")
                || id.startsWith("codex")) {
            return "openai";
        }
        if (id.startsWith("claude")) {
            return "anthropic";
        }
        if (id.startsWith("gemini")) {
            return "google";
        }
        if (id.startsWith("llama")) {
            return "meta";
        }
        return "unknown";
    }
}
