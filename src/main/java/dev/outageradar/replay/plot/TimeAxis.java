package dev.outageradar.replay.plot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis every panel shares, in UTC: where an instant falls across the plot, and ticks at round
 * times (on the hour, at midnight, on Mondays) a step apart that leaves room for each label.
 */
final class TimeAxis {

    /** A tick's label, and under it the date (or year) when it changed since the previous tick. */
    record Tick(double x, String label, String context) {
    }

    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28),
            Duration.ofDays(56), Duration.ofDays(112), Duration.ofDays(364));
    /** 1970-01-05, the first Monday of the epoch: week-long steps start on Mondays. */
    private static final long FIRST_MONDAY = Duration.ofDays(4).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_OF_MONTH = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    private final long from;
    private final long to;
    private final double left;
    private final double width;

    /** An empty or instantaneous span is drawn as one minute, so there is still an axis. */
    TimeAxis(Instant from, Instant to, double left, double width) {
        this.from = from.toEpochMilli();
        this.to = Math.max(to.toEpochMilli(), this.from + Duration.ofMinutes(1).toMillis());
        this.left = left;
        this.width = width;
    }

    double x(Instant t) {
        return left + (t.toEpochMilli() - from) * width / (to - from);
    }

    /** How much time one pixel column covers. */
    Duration perPixel() {
        return Duration.ofMillis(Math.max(1, Math.round((to - from) / width)));
    }

    List<Tick> ticks(double minSpacing) {
        long step = step(minSpacing);
        long offset = step >= Duration.ofDays(7).toMillis() ? FIRST_MONDAY : 0;
        List<Tick> ticks = new ArrayList<>();
        String previousContext = null;
        for (long t = Math.floorDiv(from - offset + step - 1, step) * step + offset; t <= to; t += step) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000), 0, ZoneOffset.UTC);
            boolean withinDay = step < DAY;
            String label = (withinDay ? HOUR : DAY_OF_MONTH).format(time);
            String context = (withinDay ? DAY_OF_MONTH : YEAR).format(time);
            ticks.add(new Tick(x(Instant.ofEpochMilli(t)), label, context.equals(previousContext) ? "" : context));
            previousContext = context;
        }
        return ticks;
    }

    private long step(double minSpacing) {
        double span = to - from;
        for (Duration step : STEPS) {
            if (step.toMillis() * width / span >= minSpacing) {
                return step.toMillis();
            }
        }
        return STEPS.get(STEPS.size() - 1).toMillis();
    }
}
