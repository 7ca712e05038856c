package dev.runtape.ledger.log;

/**
 * One signed statement to append, with the header fields the log indexes. The statement's own header must agree with
 * these (its revision with the position in its {@link StreamAppend}, its event id, type and tenant); the layer that
 * builds or checks statements guarantees that, the log does not decode them.
 *
 * @param eventId the producer's id of the event: unique in the whole log, the key of idempotent retries
 */
public record NewEvent(String eventId, String eventType, String tenant, StatementBytes statement) {

    public NewEvent {
        requireText("event id", eventId);
        requireText("event type", eventType);
        requireText("tenant", tenant);
    }

    private static void requireText(String what, String value) {
        if (value.isEmpty() || value.length() > 200) {
            throw new IllegalArgumentException(what + " must have 1 to 200 characters: \"" + value + "\"");
        }
    }
}
