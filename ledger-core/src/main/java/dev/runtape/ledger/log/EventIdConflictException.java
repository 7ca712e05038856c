package dev.runtape.ledger.log;

/**
 * A batch reused event ids in a way that is not a retry: some of its ids are stored and others are not, or a stored id
 * belongs to another stream. Nothing was stored.
 */
public final class EventIdConflictException extends EventLogException {

    private final String eventId;

    public EventIdConflictException(String eventId, String message) {
        super("event id \"" + eventId + "\": " + message);
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
