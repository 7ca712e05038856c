package dev.runtape.projections;

/**
 * How far a projection has read: the position it has taken in and the log's last position when it looked.
 *
 * @param replays how many times the projection was reset to position 0 since it started
 */
public record ProjectionProgress(String projection, long position, long lastPosition, long replays) {

    /** Entries the log holds that the projection has not taken in yet; never negative. */
    public long lag() {
        return Math.max(0, lastPosition - position);
    }
}
