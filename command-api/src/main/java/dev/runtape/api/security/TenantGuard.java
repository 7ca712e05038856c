package dev.runtape.api.security;

import dev.runtape.api.problem.ProblemException;
import dev.runtape.api.problem.ProblemType;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Keeps every principal inside its tenant. A stream belongs to the tenant of its first statement, for good; a
 * request that names a stream of another tenant is answered as if the stream did not exist, so tenants cannot even
 * learn each other's ids.
 */
@Component
public class TenantGuard {

    private final EventLog log;
    private final ConcurrentMap<StreamId, String> owners = new ConcurrentHashMap<>();

    public TenantGuard(LedgerNode node) {
        this.log = node.log();
    }

    /** Refuses with 404 unless each stream is new or the caller's tenant's. */
    public void check(Caller caller, StreamId... streams) {
        for (StreamId stream : streams) {
            Optional<String> owner = ownerOf(stream);
            if (owner.isPresent() && !owner.get().equals(caller.tenant())) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no stream " + stream);
            }
        }
    }

    /** Refuses with 404 unless the stream exists and is the caller's tenant's. */
    public void checkExisting(Caller caller, StreamId stream) {
        if (!ownerOf(stream).map(caller.tenant()::equals).orElse(false)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no stream " + stream);
        }
    }

    /** The tenant a stream belongs to, if it has any statement. */
    public Optional<String> ownerOf(StreamId stream) {
        String known = owners.get(stream);
        if (known != null) {
            return Optional.of(known);
        }
        List<LogEntry> first = log.readStream(stream, 0, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        owners.putIfAbsent(stream, first.getFirst().tenant());
        return Optional.of(first.getFirst().tenant());
    }
}
