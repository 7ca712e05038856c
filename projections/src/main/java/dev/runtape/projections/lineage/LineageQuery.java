package dev.runtape.projections.lineage;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A lineage question: from which node, which way, how many edges far. Only trajectories, datasets and exports are
 * asked about; the rest are reached from them.
 */
public record LineageQuery(NodeId root, Direction direction, int depth) {

    /** The kinds of node a query may start from. */
    public static final Set<NodeKind> ROOTS = Set.of(NodeKind.TRAJECTORY, NodeKind.DATASET, NodeKind.EXPORT);
    public static final int DEFAULT_DEPTH = 10;
    public static final int MAX_DEPTH = 100;

    public LineageQuery {
        if (!ROOTS.contains(root.kind())) {
            throw new IllegalArgumentException("a lineage query starts at a trajectory, a dataset or an export, not "
                    + root);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth 1.." + MAX_DEPTH + ": " + depth);
        }
    }

    /**
     * Reads the query parameters ({@code direction} {@code up} or {@code down}, default up; {@code depth} 1 to
     * {@value #MAX_DEPTH}, default {@value #DEFAULT_DEPTH}).
     *
     * @throws InvalidLineageQueryException {@code WHERE: expected ..., found ...}
     */
    public static LineageQuery parse(NodeId root, @Nullable String direction, @Nullable String depth)
            throws InvalidLineageQueryException {
        Direction way = Direction.UP;
        if (direction != null) {
            way = switch (direction) {
                case "up" -> Direction.UP;
                case "down" -> Direction.DOWN;
                default -> throw new InvalidLineageQueryException("direction", "expected up or down, found \""
                        + direction + "\"");
            };
        }
        int hops = DEFAULT_DEPTH;
        if (depth != null) {
            try {
                hops = Integer.parseInt(depth);
            } catch (NumberFormatException e) {
                hops = -1;
            }
            if (hops < 1 || hops > MAX_DEPTH || !depth.equals(Integer.toString(hops))) {
                throw new InvalidLineageQueryException("depth", "expected a whole number from 1 to " + MAX_DEPTH
                        + ", found \"" + depth + "\"");
            }
        }
        return new LineageQuery(root, way, hops);
    }
}
