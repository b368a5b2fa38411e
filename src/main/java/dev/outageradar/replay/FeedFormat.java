package dev.outageradar.replay;

import java.util.Locale;

/** The formats a feed file may hold. {@link #AUTO} decides per line (per file for CSV, which needs its header). */
public enum FeedFormat {
    AUTO,
    NORMALIZED,
    X,
    MASTODON,
    BLUESKY,
    CSV;

    /** The name on the command line: {@code auto}, {@code x}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
