package dev.runtape.schemas.cddl.syntax;

/** A CDDL source that does not parse; the message starts with the line and column. */
public final class CddlSyntaxException extends Exception {

    private final Position position;

    public CddlSyntaxException(Position position, String message) {
        super(position + ": " + message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
