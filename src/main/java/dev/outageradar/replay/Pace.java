package dev.outageradar.replay;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How fast a replay plays its feed: as fast as the broker takes it, or N times real time. At N times, a
 * post is due (its event time - the first post's) / N after the replay started; a post older than one already
 * sent (out of order) is due at once, so disorder in the feed never stalls the clock or runs it backwards.
 *
 * <p>A post dated after the moment it is replayed plus the app's {@code post.max.future.skew} is also due at
 * once and moves nothing: the app will dead-letter it as TIMESTAMP_IN_FUTURE, and pacing on a mistyped
 * year (2042, 9999) would stall the replay for years (or overflow).
 */
public final class Pace {

    private final double speed;
    private final long maxFutureSkewMs;
    private final LongSupplier wallClockMs;
    private long firstEventMs = Long.MIN_VALUE;
    private long latestEventMs = Long.MIN_VALUE;
    private long startNanos;

    private Pace(double speed, Duration maxFutureSkew, LongSupplier wallClockMs) {
        this.speed = speed;
        this.maxFutureSkewMs = maxFutureSkew.toMillis();
        this.wallClockMs = wallClockMs;
    }

    public static Pace max() {
        return new Pace(Double.POSITIVE_INFINITY, Duration.ZERO, () -> 0);
    }

    /**
     * N times real time. Until told the app's skew ({@link #withMaxFutureSkew}), only posts dated more than
     * an hour ahead are not waited for: no app accepts them (a broker refuses record times further ahead).
     */
    public static Pace times(double speed) {
        return times(speed, NO_APP_ACCEPTS_BEYOND, System::currentTimeMillis);
    }

    /**
     * @param maxFutureSkew the app's {@code post.max.future.skew}: a later post is not waited for
     * @param wallClockMs   the time now, in epoch milliseconds
     */
    public static Pace times(double speed, Duration maxFutureSkew, LongSupplier wallClockMs) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        return new Pace(speed, maxFutureSkew, wallClockMs);
    }

    private static final Duration NO_APP_ACCEPTS_BEYOND = Duration.ofHours(1);

    /** This pace for an app that accepts posts up to {@code maxFutureSkew} ahead of their arrival. */
    public Pace withMaxFutureSkew(Duration maxFutureSkew) {
        return isMax() ? this : new Pace(speed, maxFutureSkew, wallClockMs);
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
        if (isMax() || eventMs > wallClockMs.getAsLong() + maxFutureSkewMs) {
            return Duration.ZERO;
        }
        if (firstEventMs == Long.MIN_VALUE) {
            firstEventMs = eventMs;
            latestEventMs = eventMs;
            startNanos = nowNanos;
            return Duration.ZERO;
        }
        latestEventMs = Math.max(latestEventMs, eventMs);
        long dueNanos = startNanos + (long) ((latestEventMs - firstEventMs) * 1e6 / speed);
        return Duration.ofNanos(Math.max(0, dueNanos - nowNanos));
    }

    @Override
    public String toString() {
        return isMax() ? "max" : speed + "x";
    }
}
