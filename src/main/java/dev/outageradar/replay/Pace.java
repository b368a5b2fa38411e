package dev.outageradar.replay;

import java.time.Duration;

/**
 * How fast a replay plays its feed: as fast as the broker takes it, or N times real time. At N times, a
 * post is due (its event time - the first post's) / N after the replay started; a post older than one already
 * sent (out of order) is due at once, so disorder in the feed never stalls the clock or runs it backwards.
 */
public final class Pace {

    private final double speed;
    private long firstEventMs = Long.MIN_VALUE;
    private long latestEventMs = Long.MIN_VALUE;
    private long startNanos;

    private Pace(double speed) {
        this.speed = speed;
    }

    public static Pace max() {
        return new Pace(Double.POSITIVE_INFINITY);
    }

    public static Pace times(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        return new Pace(speed);
    }

    /** {@code max}, or a positive number such as {@code 60} or {@code 0.5}. */
    public static Pace parse(String text) {
        if (text.equalsIgnoreCase("max")) {
            return max();
        }
        try {
            return times(Double.parseDouble(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("speed must be 'max' or a positive number, not '" + text + "'");
        }
    }

    public boolean isMax() {
        return Double.isInfinite(speed);
    }

    /** How long to wait, from {@code nowNanos}, before sending a post of this event time. */
    public Duration waitBefore(long eventMs, long nowNanos) {
        if (isMax()) {
            return Duration.ZERO;
        }
        if (firstEventMs == Long.MIN_VALUE) {
            firstEventMs = eventMs;
            latestEventMs = eventMs;
            startNanos = nowNanos;
            return Duration.ZERO;
        }
        latestEventMs = Math.max(latestEventMs, eventMs);
        long dueNanos = startNanos + (long) ((latestEventMs - firstEventMs) * 1_000_000 / speed);
        return Duration.ofNanos(Math.max(0, dueNanos - nowNanos));
    }

    @Override
    public String toString() {
        return isMax() ? "max" : speed + "x";
    }
}
