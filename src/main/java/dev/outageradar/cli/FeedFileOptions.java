package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import dev.outageradar.replay.FeedFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The feed file a command reads, its format and where its bad records go: shared by replay and backtest. */
final class FeedFileOptions {

    @Option(names = "--file", required = true, paramLabel = "FEED",
            description = "JSON lines (normalized posts, X v2, Mastodon or Bluesky) or CSV with a header; .gz read as it streams.")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (per line; CSV by file name), normalized, x, mastodon, bluesky or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where bad records go, as JSON lines (default: FEED.rejects.jsonl, written only if any).")
    private Path rejects;

    /** The feed, which must exist. */
    Path file() {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("feed file not found: " + file);
        }
        return file;
    }

    FeedFormat format() {
        return FeedFormats.parse(format);
    }

    Path rejects() {
        return rejects != null ? rejects : Path.of(file + ".rejects.jsonl");
    }
}
