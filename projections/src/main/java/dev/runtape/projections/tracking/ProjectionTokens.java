package dev.runtape.projections.tracking;

import java.util.Optional;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The token store of one projection's processor: its token is the position the projection keeps with its own data
 * (a file beside the search index, the lineage store's field), so a token can never run ahead of what was made, nor
 * survive the data it describes (an in-memory graph after a restart). The processor's own writes of the token are
 * therefore not kept: the projection has moved its position with the batch already, and a reset clears it. One
 * segment, claimed by this node's processor alone: the projection is a node's own read model.
 */
final class ProjectionTokens implements TokenStore {

    private final BatchProjection projection;

    ProjectionTokens(BatchProjection projection) {
        this.projection = projection;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        // The projection's position moved with its batch (BatchProjection.apply), or went to 0 with its reset.
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return new GlobalSequenceTrackingToken(projection.position());
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // One processor per projection and node: there is no claim to hand to anyone else.
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return new int[] {0};
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.empty();
    }
}
