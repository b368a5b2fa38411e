package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import dev.outageradar.replay.FeedFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code --format} of the commands that read feed files. */
final class FeedFormats {

    private FeedFormats() {
    }

    static FeedFormat parse(String name) {
        return Arrays.stream(FeedFormat.values())
                .filter(f -> f.cliName().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new ConfigException("--format must be one of "
                        + Arrays.stream(FeedFormat.values()).map(FeedFormat::cliName).collect(Collectors.joining(", "))
                        + ", not '" + name + "'"));
    }
}
