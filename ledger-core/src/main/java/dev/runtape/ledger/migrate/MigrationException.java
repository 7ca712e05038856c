package dev.runtape.ledger.migrate;

/** A migration that cannot start or whose copy does not prove: the message says where the logs differ. */
public final class MigrationException extends Exception {

    public MigrationException(String message) {
        super(message);
    }
}
