package dev.runtape.ledger.axon;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers, which become event ids, as time-ordered UUIDs (RFC 9562 version 7) instead of random
 * ones. Each log keeps a unique index on event ids; random ids land on a random page of it with every append, which
 * the next commit writes out whole, while ids in time order land on the last few pages. Registered through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}, so every message of the JVM gets one.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    /** A new identifier: 48 bits of Unix milliseconds, then random bits (the generator keeps them unique). */
    @Override
    public String generateIdentifier() {
        return next();
    }

    /** The same, for callers outside Axon that mint event ids (the service, for commands sent without one). */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
