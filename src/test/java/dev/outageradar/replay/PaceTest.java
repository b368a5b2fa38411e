package dev.outageradar.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a replay at N times real time sends each post. */
class PaceTest {

    private static final long FIRST = Instant.parse("2024-09-10T20:00:00Z").toEpochMilli();
    private static final long NOW = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
    private static final long START_NANOS = 1_000_000_000L;

    private final Pace sixtyTimes = Pace.times(60, Duration.ofMinutes(5), () -> NOW);

    @Test
    void aPostIsDueItsEventTimeAfterTheFirstDividedByTheSpeed() {
        assertThat(sixtyTimes.waitBefore(FIRST, START_NANOS)).isZero();

        assertThat(sixtyTimes.waitBefore(FIRST + Duration.ofMinutes(10).toMillis(), START_NANOS))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aPostOlderThanOneAlreadySentIsDueAtOnce() {
        sixtyTimes.waitBefore(FIRST, START_NANOS);
        sixtyTimes.waitBefore(FIRST + Duration.ofMinutes(10).toMillis(), START_NANOS);

        long tenSecondsLater = START_NANOS + Duration.ofSeconds(10).toNanos();
        assertThat(sixtyTimes.waitBefore(FIRST + Duration.ofMinutes(5).toMillis(), tenSecondsLater)).isZero();
    }

    @Test
    void aPostDatedBeyondWhatTheAppAcceptsIsNotWaitedForAndDoesNotMoveThePace() {
        sixtyTimes.waitBefore(FIRST, START_NANOS);

        assertThat(sixtyTimes.waitBefore(Instant.parse("9999-12-31T23:59:59Z").toEpochMilli(), START_NANOS)).isZero();
        assertThat(sixtyTimes.waitBefore(NOW + Duration.ofMinutes(6).toMillis(), START_NANOS)).isZero();
        assertThat(sixtyTimes.waitBefore(FIRST + Duration.ofMinutes(1).toMillis(), START_NANOS))
                .as("the next ordinary post is paced as if the far-future ones had not been there")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aYearsLongGapIsWaitedForWithoutOverflow() {
        sixtyTimes.waitBefore(FIRST, START_NANOS);
        long tenYearsOn = Instant.parse("2034-09-10T20:00:00Z").toEpochMilli();
        Pace fromTheFuture = Pace.times(1, Duration.ofMinutes(5), () -> tenYearsOn);
        fromTheFuture.waitBefore(FIRST, START_NANOS);

        assertThat(fromTheFuture.waitBefore(tenYearsOn, START_NANOS)).isEqualTo(Duration.ofMillis(tenYearsOn - FIRST));
    }

    @Test
    void atMaxSpeedNothingWaits() {
        Pace max = Pace.max();
        max.waitBefore(FIRST, START_NANOS);

        assertThat(max.waitBefore(FIRST + Duration.ofDays(1).toMillis(), START_NANOS)).isZero();
        assertThat(max.withMaxFutureSkew(Duration.ofMinutes(5)).isMax()).isTrue();
    }
}
