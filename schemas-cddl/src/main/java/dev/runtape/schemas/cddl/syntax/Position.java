package dev.runtape.schemas.cddl.syntax;

/** A place in a CDDL source: 1-based line and column. */
public record Position(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
