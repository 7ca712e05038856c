package dev.runtape.projections.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The key of a document in an engine: its tenant and its id, so the same trajectory id in two tenants never shares a
 * document. The tenant is URL-encoded, so the first {@code /} ends it whatever it holds.
 */
public final class IndexKeys {

    private IndexKeys() {
    }

    public static String of(String tenant, String id) {
        return URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/" + id;
    }
}
