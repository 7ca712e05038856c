package dev.runtape.ledger.export;

import dev.runtape.ledger.domain.common.Split;
import dev.runtape.ledger.domain.dataset.DatasetDefined;
import dev.runtape.ledger.domain.dataset.SplitAssigned;
import dev.runtape.ledger.domain.dataset.TrajectoryAdmitted;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.FormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A dataset version as its stream says: its definition, and its admitted trajectories with their splits (the latest
 * assignment), in the order they were admitted.
 */
record DatasetMembers(@Nullable DatasetDefined defined, Map<String, @Nullable Split> admitted) {

    /** The dataset's members, or empty when the log has no such dataset. */
    static Optional<DatasetMembers> read(EventLog log, String datasetId) throws FormatException {
        var entries = log.readStream(StreamId.of(StreamId.Kind.DATASET, datasetId));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        DatasetDefined defined = null;
        Map<String, @Nullable Split> admitted = new LinkedHashMap<>();
        for (LogEntry entry : entries) {
            Statement statement = Statement.read(entry.statement());
            switch (entry.eventType()) {
                case "DatasetDefined" -> defined = PayloadCodec.decode(statement.payload(), DatasetDefined.class);
                case "TrajectoryAdmitted" -> {
                    TrajectoryAdmitted a = PayloadCodec.decode(statement.payload(), TrajectoryAdmitted.class);
                    admitted.put(a.trajectoryId(), a.split());
                }
                case "SplitAssigned" -> {
                    SplitAssigned s = PayloadCodec.decode(statement.payload(), SplitAssigned.class);
                    admitted.put(s.trajectoryId(), s.split());
                }
                default -> {
                }
            }
        }
        return Optional.of(new DatasetMembers(defined, admitted));
    }
}
