package dev.outageradar.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** A Monday, 00:00 UTC. */
    private static final long MONDAY = Instant.parse("2024-09-02T00:00:00Z").toEpochMilli();

    private final SeasonalBaseline model = new SeasonalBaseline(DetectorSettings.defaults(Duration.ofMinutes(1)));
    /** The counts drawn here are Poisson: the rate itself does not wander. */
    private static final double NOISE = 0;
    private final Random random = new Random(7);

    /** Learns {@code days} of one-minute windows drawn from Poisson(rate(t)), starting on a Monday. */
    private SeasonalBaseline.State learn(int days, LongToDoubleFunction rate) {
        SeasonalBaseline.State state = model.initial();
        for (long t = MONDAY; t < MONDAY + days * DAY; t += MINUTE) {
            state = model.learn(state, t, poisson(rate.applyAsDouble(t)), NOISE);
        }
        return state;
    }

    /** 10 a minute at 04:00 rising to 50 at 16:00 and back: a typical day. */
    private static double daily(long t) {
        double hour = Math.floorMod(t, DAY) / (double) HOUR;
        return 30 - 20 * Math.cos(2 * Math.PI * (hour - 4) / 24);
    }

    @Test
    void learnsTheDailyRhythm() {
        SeasonalBaseline.State state = learn(14, SeasonalBaselineTest::daily);
        long next = MONDAY + 14 * DAY;

        assertThat(model.expected(state, next + 4 * HOUR)).isCloseTo(10.0, within(2.5));
        assertThat(model.expected(state, next + 16 * HOUR)).isCloseTo(50.0, within(7.5));
    }

    @Test
    void learnsTheWeeklyRhythm() {
        SeasonalBaseline.State state = learn(56, t -> SeasonalBaseline.dayOf(t) >= 5 ? 40 : 20);
        long nextMonday = MONDAY + 56 * DAY;

        assertThat(model.expected(state, nextMonday + 12 * HOUR)).isCloseTo(20.0, within(3.0));
        assertThat(model.expected(state, nextMonday + 5 * DAY + 12 * HOUR)).isCloseTo(40.0, within(6.0));
    }

    @Test
    void followsSlowGrowth() {
        // Volume doubles over thirty days.
        SeasonalBaseline.State state = learn(30, t -> 10 * Math.pow(2, (t - MONDAY) / (30.0 * DAY)));

        assertThat(model.expected(state, MONDAY + 30 * DAY + 12 * HOUR)).isCloseTo(20.0, within(2.0));
    }

    @Test
    void aColdStartFollowsRecentTrafficUntilItKnowsTheDay() {
        SeasonalBaseline.State state = model.initial();
        long t = MONDAY + 4 * HOUR;
        for (; t < MONDAY + 20 * HOUR; t += MINUTE) {
            state = model.learn(state, t, poisson(daily(t)), NOISE);
        }

        // 16 hours in, the evening level is expected, not the night's: no surprise at the daily rise.
        assertThat(model.expected(state, t)).isCloseTo(daily(t), within(daily(t) * 0.35));
        assertThat(model.warmedUp(state)).isTrue();
        assertThat(model.warmedUp(model.learn(model.initial(), MONDAY, 3, NOISE))).isFalse();
    }

    @Test
    void aDeploymentThatStartsAtThePeakDoesNotUnderPredictThePeakAfterwards() {
        SeasonalBaseline.State state = model.initial();
        long start = MONDAY + 16 * HOUR;
        for (long t = start; t < start + 2 * DAY; t += MINUTE) {
            state = model.learn(state, t, poisson(daily(t)), NOISE);
        }

        // The first hours seen were the busiest: they must not be remembered as the average.
        assertThat(model.expected(state, start + 2 * DAY)).isCloseTo(50.0, within(7.5));
        assertThat(model.expected(state, start + 2 * DAY + 12 * HOUR)).isCloseTo(10.0, within(2.5));
    }

    @Test
    void oneBusyAfternoonOfABusyServiceIsNotLearnedAsItsRhythm() {
        // 30 a minute all day, but the first day's 14:00 hour ran at 60: a spell, not the rhythm.
        double noise = 0.05;
        SeasonalBaseline.State state = model.initial();
        for (long t = MONDAY; t < MONDAY + 2 * DAY; t += MINUTE) {
            boolean spell = t >= MONDAY + 14 * HOUR && t < MONDAY + 15 * HOUR;
            state = model.learn(state, t, poisson(spell ? 60 : 30), noise);
        }

        // Counted at face value, the two days' 14:00 would average 45: the spell is weighed as one observation.
        assertThat(model.expected(state, MONDAY + 2 * DAY + 14 * HOUR + 30 * MINUTE)).isLessThan(40.0);
        // A quiet service's counts are nearly Poisson, and teach its rhythm at their full worth.
        SeasonalBaseline.State quiet = learn(14, SeasonalBaselineTest::daily);
        assertThat(model.expected(quiet, MONDAY + 14 * DAY + 16 * HOUR)).isGreaterThan(42.5);
    }

    @Test
    void anHourWithoutEvidenceLeansTowardsItsNeighboursNotTowardsAFlatDay() {
        // Every hour well known at its factor 1, except a quiet night: 02:00 and 04:00 well known at 0.3,
        // 03:00 never seen (its windows all fell in an incident, say).
        double[] observed = new double[24];
        double[] predicted = new double[24];
        for (int h = 0; h < 24; h++) {
            predicted[h] = 1000;
            observed[h] = h == 2 || h == 4 ? 300 : 1000;
        }
        observed[3] = 0;
        predicted[3] = 0;
        SeasonalBaseline.State state = new SeasonalBaseline.State(10_000, 0, 1000, 1000, observed, predicted,
                new double[7], new double[7]);

        assertThat(SeasonalBaseline.hourFactor(state, 3)).isCloseTo(0.33, within(0.05));
        assertThat(SeasonalBaseline.hourFactor(state, 12)).isCloseTo(1.06, within(0.05));
    }

    @Test
    void aSparseServiceKeepsAFlatRhythmInsteadOfLearningItsNoise() {
        // Five complaints a day at random times: some hours get three in a fortnight, some none.
        SeasonalBaseline.State state = learn(14, t -> 5.0 / (24 * 60));

        for (int hour = 0; hour < 24; hour++) {
            assertThat(SeasonalBaseline.hourFactor(state, hour)).isBetween(0.8, 1.25);
        }
        assertThat(model.expected(state, MONDAY + 14 * DAY) * 24 * 60).isCloseTo(5.0, within(2.0));
    }

    @Test
    void daysAndHoursAreUtc() {
        assertThat(SeasonalBaseline.dayOf(MONDAY)).isEqualTo(0);
        assertThat(SeasonalBaseline.dayOf(MONDAY + 6 * DAY + 23 * HOUR)).isEqualTo(6);
        assertThat(SeasonalBaseline.hourOf(MONDAY + 13 * HOUR + 59 * MINUTE)).isEqualTo(13);
    }

    private long poisson(double mean) {
        return PoissonCounts.draw(random, mean);
    }
}
