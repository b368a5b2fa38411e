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
 *       of the factor under a Gamma(k, k) prior, centred for an hour on its neighbours' factors. On a busy service the complaints are weighted down by the
 *       rate's learned noise ({@link #rhythmWeight}): one unusually busy afternoon is a single observation
 *       of the afternoon, however many complaints it holds.</li>
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
    /** Keeps a dead hour from counting as no time at all in the level's denominator. */
    private static final double MIN_FACTOR = 0.05;
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    /**
     * @param windows       ordinary windows learned so far
     * @param recent        fast average of raw counts per window (cold start)
     * @param levelObserved  discounted complaints
     * @param levelPredicted discounted sum of the rhythm factors of the same windows: the level is the ratio,
     *                       the Poisson maximum-likelihood level given the factors
     * @param hourObserved  discounted complaints per UTC hour of day
     * @param hourPredicted discounted level × day factor per UTC hour of day; during the cold start, the
     *                      number of windows learned in that hour
     * @param dayObserved   discounted complaints per day of week (0 = Monday)
     * @param dayPredicted  discounted level × hour factor per day of week
     */
    public record State(long windows, double recent, double levelObserved, double levelPredicted,
                        double[] hourObserved, double[] hourPredicted, double[] dayObserved, double[] dayPredicted) {

        /** Deseasonalized complaints per window. */
        double level() {
            return levelPredicted == 0 ? 0 : levelObserved / levelPredicted;
        }
    }

    private final double levelDecay;
    private final double recentAlpha;
    private final double hourDecay;
    private final double dayDecay;
    private final long warmupWindows;
    private final long windowsPerDay;
    private final double windowsPerHour;

    public SeasonalBaseline(DetectorSettings settings) {
        long windowMs = settings.windowSize().toMillis();
        this.levelDecay = 1 - alpha(settings.windows(settings.halfLife()));
        this.recentAlpha = alpha(settings.windows(settings.learningHalfLife()));
        double seasonDays = settings.seasonHalfLife().toMillis() / (double) DAY_MS;
        // A bucket is visited once per window of its hour (day); its half-life counts those visits.
        this.hourDecay = decay(seasonDays * Math.max(1, HOUR_MS / windowMs));
        this.dayDecay = decay(seasonDays / 7 * (DAY_MS / windowMs));
        this.warmupWindows = settings.warmup().toMillis() / windowMs;
        this.windowsPerDay = DAY_MS / windowMs;
        this.windowsPerHour = HOUR_MS / (double) windowMs;
    }

    @Override
    public State initial() {
        return new State(0, 0, 0, 0, new double[24], new double[24], new double[7], new double[7]);
    }

    @Override
    public double expected(State state, long windowStartMs) {
        if (!settled(state)) {
            return state.recent();
        }
        return state.level() * hourFactor(state, hourOf(windowStartMs)) * dayFactor(state, dayOf(windowStartMs));
    }

    /**
     * The Gamma posteriors of the two factors have shapes (weighted complaints seen + prior), so each
     * contributes 1/shape to the relative variance of the forecast: the negative binomial predictive of a
     * Poisson count whose rate is only known that well. During the cold start the forecast is the recent
     * average, whose errors the learned noise takes in ({@link Dispersion}); none is added here.
     */
    @Override
    public double uncertainty(State state, long windowStartMs) {
        if (!settled(state)) {
            return 0;
        }
        return 1 / (state.hourObserved()[hourOf(windowStartMs)] + HOUR_PRIOR)
                + 1 / (state.dayObserved()[dayOf(windowStartMs)] + DAY_PRIOR);
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
    public State learn(State state, long windowStartMs, long count, double rateVariance) {
        return settled(state)
                ? learnSettled(state, windowStartMs, count, rateVariance)
                : learnFirstDay(state, windowStartMs, count, rateVariance);
    }

    /**
     * How much a window's complaints tell about its hour's factor, per complaint: the inverse of the relative
     * variance of an hour's count, 1/μ + c, over μ. A quiet service's complaints are each worth one (its
     * counts are Poisson); a busy one's are worth less, because one day's afternoon can be busy as a whole,
     * so its rhythm takes several days to learn rather than one.
     */
    private double rhythmWeight(double expectedPerWindow, double rateVariance) {
        return 1 / (1 + Math.max(0, rateVariance) * expectedPerWindow * windowsPerHour);
    }

    /** Plain sums: the level is the mean so far, and each hour counts its complaints and its windows. */
    private State learnFirstDay(State state, long windowStartMs, long count, double rateVariance) {
        int hour = hourOf(windowStartMs);
        double weight = rhythmWeight(state.recent(), rateVariance);
        long windows = state.windows() + 1;
        double recent = state.recent() + Math.max(recentAlpha, 1.0 / windows) * (count - state.recent());
        double levelObserved = state.levelObserved() + count;
        double levelPredicted = state.levelPredicted() + 1;
        double level = levelObserved / levelPredicted;
        double[] hourObserved = state.hourObserved().clone();
        double[] hourPredicted = state.hourPredicted().clone();
        hourObserved[hour] += weight * count;
        hourPredicted[hour] += weight;
        if (windows >= windowsPerDay) {
            // The day is complete: what the mean level predicted in each hour, for the factors to compare.
            for (int h = 0; h < hourPredicted.length; h++) {
                hourPredicted[h] *= level;
            }
        }
        return new State(windows, recent, levelObserved, levelPredicted, hourObserved, hourPredicted,
                state.dayObserved(), state.dayPredicted());
    }

    private State learnSettled(State state, long windowStartMs, long count, double rateVariance) {
        int hour = hourOf(windowStartMs);
        int day = dayOf(windowStartMs);
        double hourFactor = hourFactor(state, hour);
        double dayFactor = dayFactor(state, day);
        long windows = state.windows() + 1;
        double recent = state.recent() + recentAlpha * (count - state.recent());
        // A ratio of sums, not an average of count / factor: a quiet hour whose factor is still shrunk towards
        // the flat prior would otherwise drag the level down, and the whole day's forecast with it.
        double factor = Math.max(MIN_FACTOR, hourFactor * dayFactor);
        double levelObserved = state.levelObserved() * levelDecay + count;
        double levelPredicted = state.levelPredicted() * levelDecay + factor;
        double level = levelObserved / levelPredicted;

        double[] hourObserved = state.hourObserved().clone();
        double[] hourPredicted = state.hourPredicted().clone();
        double weight = rhythmWeight(level * factor, rateVariance);
        hourObserved[hour] = hourObserved[hour] * hourDecay + weight * count;
        hourPredicted[hour] = hourPredicted[hour] * hourDecay + weight * level * dayFactor;
        double[] dayObserved = state.dayObserved().clone();
        double[] dayPredicted = state.dayPredicted().clone();
        dayObserved[day] = dayObserved[day] * dayDecay + weight * count;
        dayPredicted[day] = dayPredicted[day] * dayDecay + weight * level * hourFactor;
        return new State(windows, recent, levelObserved, levelPredicted, hourObserved, hourPredicted, dayObserved,
                dayPredicted);
    }

    /** The hour's factor, normalized so that the factors of a day average 1. */
    static double hourFactor(State state, int hour) {
        double[] observed = state.hourObserved();
        double[] predicted = state.hourPredicted();
        int hours = observed.length;
        double[] alone = new double[hours];
        for (int h = 0; h < hours; h++) {
            alone[h] = shrunk(observed[h], predicted[h], HOUR_PRIOR);
        }
        // A day's rhythm is smooth: an hour with little evidence leans towards its neighbours, not towards
        // a flat day. The prior of hour h is centred on the mean of hours h-1 and h+1 (each shrunk alone).
        double sum = 0;
        double own = 0;
        for (int h = 0; h < hours; h++) {
            double neighbours = (alone[Math.floorMod(h - 1, hours)] + alone[(h + 1) % hours]) / 2;
            double smoothed = (observed[h] + HOUR_PRIOR * neighbours) / (predicted[h] + HOUR_PRIOR);
            sum += smoothed;
            if (h == hour) {
                own = smoothed;
            }
        }
        return own * hours / sum;
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
