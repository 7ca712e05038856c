package dev.runtape.ledger.integrator;

/**
 * An extension did not start where the stored tree ends: another integrator extended the tree meanwhile, or the
 * extension replays log positions that are integrated already. Nothing was stored; the integrator reloads the
 * tree's state and goes on from there.
 */
public final class TreeConflictException extends TreeStoreException {

    private final long fromSize;
    private final long firstPosition;
    private final TreeState actual;

    public TreeConflictException(TreeExtension extension, TreeState actual) {
        super("an extension from size " + extension.fromSize() + " with its first leaf at log position "
                + extension.firstPosition() + " does not fit the stored tree of " + actual.size()
                + " leaves, whose last leaf is at log position " + actual.lastPosition());
        this.fromSize = extension.fromSize();
        this.firstPosition = extension.firstPosition();
        this.actual = actual;
    }

    /** The tree size the refused extension started from. */
    public long fromSize() {
        return fromSize;
    }

    /** The log position of the refused extension's first leaf. */
    public long firstPosition() {
        return firstPosition;
    }

    /** The stored tree's state when the extension was refused. */
    public TreeState actual() {
        return actual;
    }
}
