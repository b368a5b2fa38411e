package dev.outageradar.detect;

import java.time.Duration;

/**
 * Tuning of the detector, the same for every service unless the catalog overrides it.
 *
 * @param windowSize   length of one counting window
 * @param minCount     a window below this many complaints is never anomalous (3 posts where 0.5 were
 *                     expected is noise, however improbable under Poisson)
 * @param minRatio     a window must be at least this many times its expected level
 * @param minScore     and at least this surprising: {@code -log10} of its Poisson tail probability
 * @param halfLife     how fast the baseline forgets; slow growth is followed at this pace
 * @param warmup       history needed before a service can alert (cold start stays silent)
 * @param quietPeriod  how long counts must stay near normal before an incident is resolved
 * @param resolveRatio "near normal" means at most this many times the expected level (or below minCount)
 */
public record DetectorSettings(Duration windowSize, long minCount, double minRatio, double minScore,
                               Duration halfLife, Duration warmup, Duration quietPeriod, double resolveRatio) {

    public DetectorSettings {
        require(!windowSize.isNegative() && !windowSize.isZero(), "window size must be positive");
        require(minCount >= 1, "min count must be at least 1");
        require(minRatio >= 1, "min ratio must be at least 1");
        require(minScore > 0, "min score must be positive");
        require(halfLife.compareTo(windowSize) >= 0, "half-life must be at least one window");
        require(!warmup.isNegative(), "warm-up must not be negative");
        require(quietPeriod.compareTo(windowSize) >= 0, "quiet period must be at least one window");
        require(resolveRatio >= 1 && resolveRatio <= minRatio, "resolve ratio must be between 1 and min ratio");
    }

    public static DetectorSettings defaults(Duration windowSize) {
        return new DetectorSettings(windowSize, 10, 3.0, 6.0, Duration.ofHours(6), Duration.ofHours(1),
                Duration.ofMinutes(5), 1.5);
    }

    public long windows(Duration span) {
        return Math.max(1, span.toMillis() / windowSize.toMillis());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
