package dev.runtape.ledger.integrator;

/**
 * How far the tree has grown: its number of leaves and the log position of its last leaf ({@link
 * dev.runtape.ledger.log.EventLog#BEFORE_FIRST} while it is empty).
 */
public record TreeState(long size, long lastPosition) {

    /** The state of a store that holds no leaf yet. */
    public static final TreeState EMPTY = new TreeState(0, 0);

    public TreeState {
        if (size < 0 || lastPosition < 0) {
            throw new IllegalArgumentException("size and last position must not be negative: size " + size
                    + ", last position " + lastPosition);
        }
        if (size == 0 && lastPosition != 0) {
            throw new IllegalArgumentException("an empty tree has integrated no position, but names " + lastPosition);
        }
        if (lastPosition < size) {
            throw new IllegalArgumentException("positions start at 1 and rise, so " + size
                    + " leaves end at position " + size + " or later, not " + lastPosition);
        }
    }
}
