package dev.runtape.api.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A time on the command line: {@code now}, or RFC 3339 with an offset ({@code 2025-06-01T12:00:00Z}, {@code +02:00}). */
final class Times implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        if (value.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a time with an offset, such as 2025-06-01T12:00:00Z: " + value);
        }
    }
}
