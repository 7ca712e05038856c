package dev.runtape.schemas.cddl.internal.graph;

/**
 * Thrown when an instance nests so deeply that the interpreting matcher could reach its depth limit on it: the graph
 * then gives up rather than risk a verdict that differs. One shared instance without a stack trace: it only
 * unwinds to {@link Graph#accepts}.
 */
final class TooDeep extends RuntimeException {

    static final TooDeep INSTANCE = new TooDeep();

    private TooDeep() {
        super("the instance nests too deeply for the compiled graph", null, false, false);
    }
}
