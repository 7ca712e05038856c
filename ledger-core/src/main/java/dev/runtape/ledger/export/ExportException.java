package dev.runtape.ledger.export;

/** An export that cannot be made: no such dataset, nothing admitted, no checkpoint over its statements. */
public final class ExportException extends Exception {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
