package dev.outageradar.detect;

import java.time.Duration;
import java.util.List;

/**
 * Tuning of the detector: global defaults, which a service's entry in the catalog may override. None of
 * these is a per-service threshold: every level is learned; these say how sure the detector must be.
 *
 * @param windowSize       length of one counting window
 * @param minCount         evidence below this many complaints (over the scale judged) is never anomalous:
 *                         3 posts where 0.5 were expected is noise, however improbable under Poisson
 * @param minRatio         the count must be at least this many times the expected level
 * @param minScore         and at least this surprising: {@code -log10} of its tail probability under the
 *                         learned noise (6 = one in a million)
 * @param scales           spans the evidence is judged over, each a multiple of the window: a short one
 *                         catches a sharp spike within minutes, a long one a moderate outage of a small
 *                         service that no single window shows
 * @param halfLife         how fast the learned level forgets: slow growth or decline is followed at this pace
 * @param learningHalfLife while a service has less than a day of history, and so no daily rhythm, its
 *                         expected level follows recent traffic with this half-life instead
 * @param seasonHalfLife   how fast the daily and weekly rhythm forget old days and weeks
 * @param noiseHalfLife    how fast the learned noise of the rate forgets: short enough that a cold start's
 *                         model errors, counted as noise, fade within hours once the model has learned
 * @param spellHalfLife    how far back the windows before a span set the level of the busy or quiet spell
 *                         it is judged in ({@link LocalLevel}); zero judges against the seasonal level alone
 * @param warmup           history needed before a service can alert: a cold start stays silent
 * @param quietPeriod      how long counts must stay near normal before an incident is resolved (at least
 *                         as long as the scale that opened it)
 * @param resolveRatio     "near normal" means at most this many times the expected level, or below min count
 */
public record DetectorSettings(Duration windowSize, long minCount, double minRatio, double minScore,
                               List<Duration> scales, Duration halfLife, Duration learningHalfLife,
                               Duration seasonHalfLife, Duration noiseHalfLife, Duration spellHalfLife, Duration warmup, Duration quietPeriod,
                               double resolveRatio) {

    public DetectorSettings {
        require(!windowSize.isNegative() && !windowSize.isZero(), "window size must be positive");
        require(windowSize.compareTo(Duration.ofHours(1)) <= 0, "window size must be at most 1h");
        require(minCount >= 1, "min count must be at least 1");
        require(minRatio > 1, "min ratio must be above 1");
        require(minScore > 0, "min score must be positive");
        scales = List.copyOf(scales);
        require(!scales.isEmpty(), "scales must not be empty");
        for (Duration scale : scales) {
            require(!scale.isZero() && !scale.isNegative() && scale.toMillis() % windowSize.toMillis() == 0,
                    "every scale must be a positive multiple of the window size (" + scale + ")");
        }
        require(halfLife.compareTo(windowSize) >= 0, "half-life must be at least one window");
        require(learningHalfLife.compareTo(windowSize) >= 0, "learning half-life must be at least one window");
        require(seasonHalfLife.compareTo(Duration.ofDays(1)) >= 0, "season half-life must be at least 1d");
        require(noiseHalfLife.compareTo(windowSize) >= 0, "noise half-life must be at least one window");
        require(spellHalfLife.isZero() || spellHalfLife.compareTo(windowSize) >= 0,
                "spell half-life must be zero or at least one window");
        require(!warmup.isNegative(), "warm-up must not be negative");
        require(quietPeriod.compareTo(windowSize) >= 0, "quiet period must be at least one window");
        require(resolveRatio >= 1 && resolveRatio <= minRatio, "resolve ratio must be between 1 and min ratio");
    }

    public static DetectorSettings defaults(Duration windowSize) {
        List<Duration> scales = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofHours(1)).stream()
                .filter(scale -> scale.toMillis() % windowSize.toMillis() == 0)
                .toList();
        return new DetectorSettings(windowSize, 10, 2.0, 6.0, scales.isEmpty() ? List.of(windowSize) : scales,
                Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(28), Duration.ofHours(6),
                max(Duration.ofMinutes(15), windowSize), Duration.ofHours(1),
                Duration.ofMinutes(15), 1.5);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Whole windows in a span, at least one. */
    public int windows(Duration span) {
        return (int) Math.max(1, span.toMillis() / windowSize.toMillis());
    }

    /** The scales in windows, shortest first. */
    public int[] scaleWindows() {
        return scales.stream().mapToInt(this::windows).sorted().distinct().toArray();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
