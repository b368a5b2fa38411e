package dev.outageradar.simulate;

import dev.outageradar.config.ConfigException;

/**
 * How much an outage multiplies the normal complaint level: a fixed multiplier ({@code 2}) or a range
 * ({@code 2..100}) drawn on a log scale, so small outages are as common as big ones.
 */
public record MagnitudeRange(double min, double max) {

    public static final double LIMIT = 1000;

    public MagnitudeRange {
        if (!(min > 1 && min <= max && max <= LIMIT)) {
            throw invalid(min + ".." + max);
        }
    }

    /** Parses {@code 5} or {@code 2..100}; anything else is a {@link ConfigException} naming the flag. */
    public static MagnitudeRange parse(String text) {
        String[] parts = text.trim().split("\\.\\.", -1);
        try {
            if (parts.length == 1) {
                double fixed = Double.parseDouble(parts[0]);
                return new MagnitudeRange(fixed, fixed);
            }
            if (parts.length == 2) {
                return new MagnitudeRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        } catch (ConfigException e) {
            throw invalid(text);
        }
        throw invalid(text);
    }

    double draw(Rng rng) {
        double value = Math.round(rng.logUniform(min, max) * 100) / 100.0;
        return Math.min(max, Math.max(min, value));
    }

    @Override
    public String toString() {
        return min == max ? min + "x" : min + ".." + max + "x";
    }

    private static ConfigException invalid(String text) {
        return new ConfigException("--magnitude must be a multiplier like 5 or a range like 2..100, above 1 and at most "
                + (int) LIMIT + ", got '" + text + "'");
    }
}
