package dev.runtape.projections.search;

/**
 * A trajectory's document and the log position it was made at: that of the last entry of the trajectory's stream it
 * was made from. Every change to what the document holds (a step, a label, a review, a redaction) is a later entry of
 * that stream, so of two documents of one trajectory the one at the higher position is the newer.
 */
public record DocumentAt(TrajectoryDocument document, long position) {

    public DocumentAt {
        if (position < 1) {
            throw new IllegalArgumentException("log positions start at 1: " + position);
        }
    }
}
