package dev.outageradar.simulate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * How busy an audience is at a local time, as a multiplier with mean 1 over a week: people post most in the
 * evening (peak 20:00), least before dawn (trough 04:00, about a ninth of the peak), a little more at
 * weekends. The hourly table is interpolated so counts do not jump on the hour.
 */
final class Rhythm {

    private static final double[] HOURLY = normalized(new double[] {
            0.55, 0.40, 0.30, 0.22, 0.18, 0.20, 0.30, 0.50, 0.75, 0.90, 1.00, 1.05,
            1.10, 1.10, 1.10, 1.15, 1.20, 1.30, 1.45, 1.60, 1.70, 1.55, 1.20, 0.80});

    /** Monday first. */
    private static final double[] DAILY = normalized(new double[] {0.95, 0.93, 0.95, 0.98, 1.05, 1.10, 1.04});

    private Rhythm() {
    }

    static double factor(Instant t, ZoneOffset offset) {
        LocalDateTime local = LocalDateTime.ofInstant(t, offset);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        return diurnal(hour) * DAILY[local.getDayOfWeek().getValue() - 1];
    }

    /** The table's values sit at the middle of each hour. */
    static double diurnal(double hour) {
        double position = hour - 0.5;
        int below = (int) Math.floor(position);
        double weight = position - below;
        return HOURLY[Math.floorMod(below, 24)] * (1 - weight) + HOURLY[Math.floorMod(below + 1, 24)] * weight;
    }

    private static double[] normalized(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(v -> v / mean).toArray();
    }
}
