package dev.outageradar.simulate;

import dev.outageradar.config.ConfigException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The knobs of a generated feed, validated as a whole; a bad value is a {@link ConfigException} that names
 * the flag, the value and what is allowed.
 *
 * @param outOfOrderFraction share of posts that arrive late (up to 20 s)
 */
public record SimulationOptions(LocalDate start, int days, int services, int outages, MagnitudeRange magnitude,
                                long seed, double outOfOrderFraction) {

    public static final int MAX_DAYS = 366;
    public static final int MAX_OUTAGES = 1000;
    public static final double MAX_OUT_OF_ORDER = 0.5;

    public SimulationOptions {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(magnitude, "magnitude");
        require(days >= 1 && days <= MAX_DAYS, "--days", days, "1.." + MAX_DAYS);
        int known = KnownServices.all().size();
        require(services >= 1 && services <= known, "--services", services, "1.." + known + " (the built-in list)");
        require(outages >= 0 && outages <= MAX_OUTAGES, "--outages", outages, "0.." + MAX_OUTAGES);
        require(outOfOrderFraction >= 0 && outOfOrderFraction <= MAX_OUT_OF_ORDER, "--out-of-order",
                outOfOrderFraction, "0.." + MAX_OUT_OF_ORDER);
    }

    private static void require(boolean ok, String flag, Object value, String allowed) {
        if (!ok) {
            throw new ConfigException(flag + " must be within " + allowed + ", got " + value);
        }
    }
}
