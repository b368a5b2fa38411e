package dev.outageradar.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** A point in time on the command line: {@code 2024-09-30T14:00:00Z}, with an offset, a UTC local time, or a date. */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not a time: use 2024-09-30T14:00:00Z, 2024-09-30T14:00 (UTC) or 2024-09-30");
                }
            }
        }
    }
}
