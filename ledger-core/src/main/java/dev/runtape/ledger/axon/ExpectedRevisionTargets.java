package dev.runtape.ledger.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Resolves a command's aggregate from its {@code @TargetAggregateIdentifier} and its expected version from the
 * metadata {@link LedgerMetaData#EXPECTED_REVISION}, so that optimistic concurrency needs no version field in every
 * command: Axon refuses to load the aggregate for the command when the stream has moved past that revision.
 */
final class ExpectedRevisionTargets implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String identifier = identifiers.resolveTarget(command).getIdentifier();
        Object expected = command.getMetaData().get(LedgerMetaData.EXPECTED_REVISION);
        return new VersionedAggregateIdentifier(identifier, expected == null ? null : revision(expected));
    }

    private static Long revision(Object expected) {
        if (expected instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(expected.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the expected revision is not a number: " + expected, e);
        }
    }
}
