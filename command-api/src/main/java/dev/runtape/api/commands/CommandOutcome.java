package dev.runtape.api.commands;

/**
 * What a command recorded: the stream it went to, the event id of its (first) statement, and where that statement
 * stands, in its stream and in the global log. The answer body of every command.
 */
public record CommandOutcome(String stream, String eventId, long revision, long position) {
}
