package dev.outageradar.config;

import dev.outageradar.detect.DetectorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The detector's tunable parameters by name, read the same way wherever they are set: as
 * {@code detector.<name>} in the properties (global defaults) and as {@code <name>} in a service's
 * {@code detector:} entry of the catalog (that service only; '_' may stand for '.').
 */
public final class DetectorParameters {

    public static final String MIN_COUNT = "min.count";
    public static final String MIN_RATIO = "min.ratio";
    public static final String MIN_SCORE = "min.score";
    public static final String SCALES = "scales";
    public static final String HALF_LIFE = "half.life";
    public static final String LEARNING_HALF_LIFE = "learning.half.life";
    public static final String SEASON_HALF_LIFE = "season.half.life";
    public static final String NOISE_HALF_LIFE = "noise.half.life";
    public static final String SPELL_HALF_LIFE = "spell.half.life";
    public static final String WARMUP = "warmup";
    public static final String QUIET_PERIOD = "quiet.period";
    public static final String RESOLVE_RATIO = "resolve.ratio";

    public static final List<String> NAMES = List.of(MIN_COUNT, MIN_RATIO, MIN_SCORE, SCALES, HALF_LIFE,
            LEARNING_HALF_LIFE, SEASON_HALF_LIFE, NOISE_HALF_LIFE, SPELL_HALF_LIFE, WARMUP, QUIET_PERIOD, RESOLVE_RATIO);

    private static final String DURATION = "a positive duration such as 30s, 1m, 6h, 1d or PT1M";

    private DetectorParameters() {
    }

    /** The catalog's spelling of a name, {@code min_count}, read as {@code min.count}. */
    public static String normalize(String name) {
        return name.trim().replace('_', '.');
    }

    /**
     * The base settings with the given values applied.
     *
     * @param values   parameter name to raw value; every name must be one of {@link #NAMES}
     * @param describe how to name a parameter in an error ({@code detector.min.count (config/x.properties)})
     * @param scope    whose settings these are, for an error about their combination
     */
    public static DetectorSettings apply(DetectorSettings base, Map<String, String> values,
                                         Function<String, String> describe, String scope) {
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                throw new ConfigException(describe.apply(name) + " is not a detector setting (known: "
                        + String.join(", ", NAMES) + ")");
            }
        }
        Reader read = new Reader(values, describe);
        try {
            return new DetectorSettings(base.windowSize(),
                    read.count(MIN_COUNT, base.minCount()),
                    read.number(MIN_RATIO, base.minRatio()),
                    read.number(MIN_SCORE, base.minScore()),
                    read.durations(SCALES, base.scales()),
                    read.duration(HALF_LIFE, base.halfLife(), false),
                    read.duration(LEARNING_HALF_LIFE, base.learningHalfLife(), false),
                    read.duration(SEASON_HALF_LIFE, base.seasonHalfLife(), false),
                    read.duration(NOISE_HALF_LIFE, base.noiseHalfLife(), false),
                    read.duration(SPELL_HALF_LIFE, base.spellHalfLife(), true),
                    read.duration(WARMUP, base.warmup(), true),
                    read.duration(QUIET_PERIOD, base.quietPeriod(), false),
                    read.number(RESOLVE_RATIO, base.resolveRatio()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(scope + ": " + e.getMessage());
        }
    }

    private record Reader(Map<String, String> values, Function<String, String> describe) {

        long count(String name, long fallback) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            try {
                long value = Long.parseLong(raw.trim());
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid(name, raw, "a whole number of at least 1");
        }

        double number(String name, double fallback) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            try {
                double value = Double.parseDouble(raw.trim());
                if (Double.isFinite(value) && value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid(name, raw, "a positive number");
        }

        Duration duration(String name, Duration fallback, boolean zeroAllowed) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            Duration value = ConfigLoader.parseDuration(raw);
            if (value == null || value.isNegative() || value.isZero() && !zeroAllowed) {
                throw invalid(name, raw, DURATION);
            }
            return value;
        }

        List<Duration> durations(String name, List<Duration> fallback) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            List<Duration> scales = new ArrayList<>();
            for (String part : raw.replace("[", "").replace("]", "").split(",")) {
                Duration value = ConfigLoader.parseDuration(part);
                if (value == null || value.isNegative() || value.isZero()) {
                    throw invalid(name, raw, "a comma-separated list of positive durations such as 1m,5m,15m,1h");
                }
                scales.add(value);
            }
            return scales;
        }

        private ConfigException invalid(String name, String raw, String allowed) {
            return new ConfigException(describe.apply(name) + "=\"" + raw + "\" is invalid: expected " + allowed);
        }
    }
}
