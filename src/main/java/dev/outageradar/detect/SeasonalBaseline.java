package dev.outageradar.detect;

/**
 * A service's normal complaint level with its daily and weekly rhythm: expected(t) = level × hour-of-day
 * factor × day-of-week factor (UTC), a multiplicative Holt-Winters model with three refinements.
 *
 * <ul>
 *   <li><b>Rhythm factors are shrunk estimates.</b> Each factor is (complaints seen in its bucket + k) /
 *       (complaints the level predicted there + k), with the sums discounted by {@code seasonHalfLife}. A
 *       bucket moves away from the flat prior 1.0 only once about k complaints have been seen in it, so a
 *       service with 5 complaints a day keeps a flat profile (its noise would otherwise become its rhythm)
 *       while one with 5,000 a minute learns its day within hours. This is the Poisson-Gamma posterior mean
 *       of the factor under a Gamma(k, k) prior.</li>
 *   <li><b>Cold start follows recent traffic.</b> Until a whole day has been seen the rhythm is unknown,
 *       so the expectation is a fast average of recent windows ({@code learningHalfLife}); the seasonal
 *       forecast takes over once the day is known. A fresh deployment at 04:00 is therefore not surprised
 *       by the evening rise.</li>
 *   <li><b>Both averages start unbiased:</b> until their half-life is reached every window weighs the same,
 *       so a new service is not compared with an artificial zero.</li>
 * </ul>
 * Windows judged anomalous are never passed to {@link #learn}: an outage does not raise the baseline.
 */
public final class SeasonalBaseline implements BaselineModel<SeasonalBaseline.State> {

    /** Complaints a rhythm bucket needs before its factor is half learned. */
    static final double HOUR_PRIOR = 30;
    static final double DAY_PRIOR = 200;
    /** Keeps a dead hour from dividing a complaint into a huge deseasonalized level. */
    private static final double MIN_FACTOR = 0.05;
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    /**
     * @param windows       ordinary windows learned so far
     * @param recent        fast average of raw counts per window (cold start)
     * @param level         deseasonalized average count per window
     * @param hourObserved  discounted complaints per UTC hour of day
     * @param hourPredicted discounted level × day factor per UTC hour of day
     * @param dayObserved   discounted complaints per day of week (0 = Monday)
     * @param dayPredicted  discounted level × hour factor per day of week
     */
    public record State(long windows, double recent, double level, double[] hourObserved, double[] hourPredicted,
                        double[] dayObserved, double[] dayPredicted) {
    }

    private final double levelAlpha;
    private final double recentAlpha;
    private final double hourDecay;
    private final double dayDecay;
    private final long warmupWindows;
    private final long windowsPerDay;

    public SeasonalBaseline(DetectorSettings settings) {
        long windowMs = settings.windowSize().toMillis();
        this.levelAlpha = alpha(settings.windows(settings.halfLife()));
        this.recentAlpha = alpha(settings.windows(settings.learningHalfLife()));
        double seasonDays = settings.seasonHalfLife().toMillis() / (double) DAY_MS;
        // A bucket is visited once per window of its hour (day); its half-life counts those visits.
        this.hourDecay = decay(seasonDays * Math.max(1, HOUR_MS / windowMs));
        this.dayDecay = decay(seasonDays / 7 * (DAY_MS / windowMs));
        this.warmupWindows = settings.warmup().toMillis() / windowMs;
        this.windowsPerDay = DAY_MS / windowMs;
    }

    @Override
    public State initial() {
        return new State(0, 0, 0, new double[24], new double[24], new double[7], new double[7]);
    }

    @Override
    public double expected(State state, long windowStartMs) {
        if (!settled(state)) {
            return state.recent();
        }
        return state.level() * hourFactor(state, hourOf(windowStartMs)) * dayFactor(state, dayOf(windowStartMs));
    }

    @Override
    public boolean warmedUp(State state) {
        return state.windows() >= Math.max(1, warmupWindows);
    }

    /** Once a whole day is known, the expectation is the seasonal forecast alone. */
    @Override
    public boolean settled(State state) {
        return state.windows() >= windowsPerDay;
    }

    @Override
    public State learn(State state, long windowStartMs, long count) {
        int hour = hourOf(windowStartMs);
        int day = dayOf(windowStartMs);
        double hourFactor = hourFactor(state, hour);
        double dayFactor = dayFactor(state, day);
        long windows = state.windows() + 1;
        double recent = state.recent() + Math.max(recentAlpha, 1.0 / windows) * (count - state.recent());
        double deseasonalized = count / Math.max(MIN_FACTOR, hourFactor * dayFactor);
        double level = state.level() + Math.max(levelAlpha, 1.0 / windows) * (deseasonalized - state.level());

        double[] hourObserved = state.hourObserved().clone();
        double[] hourPredicted = state.hourPredicted().clone();
        hourObserved[hour] = hourObserved[hour] * hourDecay + count;
        hourPredicted[hour] = hourPredicted[hour] * hourDecay + level * dayFactor;
        double[] dayObserved = state.dayObserved();
        double[] dayPredicted = state.dayPredicted();
        // A weekday's factor is corrected only once a week: learned against the drifting level of the
        // first day it would stay wrong for weeks, so the weekly rhythm starts once a day is known.
        if (settled(state)) {
            dayObserved = dayObserved.clone();
            dayPredicted = dayPredicted.clone();
            dayObserved[day] = dayObserved[day] * dayDecay + count;
            dayPredicted[day] = dayPredicted[day] * dayDecay + level * hourFactor;
        }
        return new State(windows, recent, level, hourObserved, hourPredicted, dayObserved, dayPredicted);
    }


    /** The hour's factor, normalized so that the factors of a day average 1. */
    static double hourFactor(State state, int hour) {
        return factor(state.hourObserved(), state.hourPredicted(), HOUR_PRIOR, hour);
    }

    static double dayFactor(State state, int day) {
        return factor(state.dayObserved(), state.dayPredicted(), DAY_PRIOR, day);
    }

    private static double factor(double[] observed, double[] predicted, double prior, int bucket) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            sum += shrunk(observed[i], predicted[i], prior);
        }
        return shrunk(observed[bucket], predicted[bucket], prior) * observed.length / sum;
    }

    private static double shrunk(double observed, double predicted, double prior) {
        return (observed + prior) / (predicted + prior);
    }

    static int hourOf(long epochMs) {
        return (int) (Math.floorMod(epochMs, DAY_MS) / HOUR_MS);
    }

    /** 0 = Monday: 1970-01-01 was a Thursday. */
    static int dayOf(long epochMs) {
        return (int) Math.floorMod(Math.floorDiv(epochMs, DAY_MS) + 3, 7L);
    }

    private static double alpha(double halfLifeWindows) {
        return 1 - Math.pow(0.5, 1 / halfLifeWindows);
    }

    private static double decay(double halfLifeVisits) {
        return Math.pow(0.5, 1 / Math.max(1, halfLifeVisits));
    }
}
