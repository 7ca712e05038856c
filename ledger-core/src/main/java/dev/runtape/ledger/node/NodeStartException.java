package dev.runtape.ledger.node;

/** A node could not start; the message names the part, the cause says why. */
public final class NodeStartException extends Exception {

    public NodeStartException(String part, Throwable cause) {
        super("cannot open " + part + ": " + cause.getMessage(), cause);
    }
}
