package dev.runtape.projections.lineage;

import java.util.Map;

/**
 * One change to a tenant's graph: a node or an edge to add, or whose attributes to merge into the one already there
 * (later values win). Applying the same update twice changes nothing, so a replay may overlap what is stored.
 */
public sealed interface GraphUpdate permits LineageNode, LineageEdge {

    /** Attributes: strings, longs and booleans, by kebab-case name. */
    Map<String, Object> attributes();
}
