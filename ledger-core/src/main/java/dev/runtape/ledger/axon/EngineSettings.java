package dev.runtape.ledger.axon;

/**
 * Settings of the ledger's event storage engine.
 *
 * @param servicePrincipal whom a statement speaks for when the event carries no principal: the ledger's own
 *     service account, for events no authenticated caller caused
 * @param defaultTenant the tenant of events that name none
 * @param readPage how many entries one read of the log fetches
 */
public record EngineSettings(String servicePrincipal, String defaultTenant, int readPage) {

    public static final EngineSettings DEFAULTS = new EngineSettings("runtape-ledger", "default", 256);

    public EngineSettings {
        if (readPage < 1) {
            throw new IllegalArgumentException("read page must be at least 1: " + readPage);
        }
    }
}
