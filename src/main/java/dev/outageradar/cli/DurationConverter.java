package dev.outageradar.cli;

import dev.outageradar.config.ConfigLoader;
import java.time.Duration;
import picocli.CommandLine;

/** Flags take durations in the same forms as the configuration file: 500ms, 30s, 3m, 1h, PT3M. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = ConfigLoader.parseDuration(value);
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a positive duration such as 30s, 3m, 1h or PT3M");
        }
        return duration;
    }
}
