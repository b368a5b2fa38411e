package dev.outageradar.detect;

/**
 * What the minutes just before a span say about it. Busy and quiet spells last a while (a news story, a
 * slow afternoon), so the windows right before a span predict it better than the seasonal level alone: a
 * span is judged against the seasonal expectation times the level of the windows before it. The spell's
 * part of the noise then drops out of the comparison, and a sudden jump stands out against the spell it
 * breaks, not against the whole range of spells a service has.
 *
 * <p>The level is a Gamma-Poisson posterior mean: the exponentially weighted complaints N and expected
 * counts E of the preceding windows, shrunk towards 1 by a prior weighing {@code 1/levelVariance} expected
 * complaints, where levelVariance is how much the rate's level wanders (the relative variance c of the
 * longest scale, {@link Dispersion}). A quiet service's handful of posts moves it little; a busy service's
 * last quarter hour sets it. Only windows before the span count, so an outage does not explain itself away:
 * a long scale is judged against the level from before its whole span, which a slow ramp cannot have raised.
 *
 * @param halfLifeWindows weight of a preceding window halves every this many windows back
 * @param levelVariance   prior variance of the level around 1
 */
public record LocalLevel(double halfLifeWindows, double levelVariance) {

    /** Preceding windows looked at, in half-lives: the rest weigh under 1/16. */
    private static final int HALF_LIVES = 4;
    /** Keeps the prior weight finite for a service whose rate never wandered (pure Poisson). */
    private static final double MIN_VARIANCE = 1e-4;

    /** No local adjustment: every span is judged against the seasonal level alone. */
    public static final LocalLevel NONE = new LocalLevel(1, 0);

    /**
     * Complaints expected in the {@code windows} windows ending at {@code last}: their seasonal expectation
     * times the level of the windows before them.
     */
    public double forecast(RecentWindows recent, int windows, int last) {
        return recent.expectedOver(windows, last) * level(recent, last - windows);
    }

    /** The level up to and including the window at {@code newest}; 1 when there is none. */
    double level(RecentWindows recent, int newest) {
        if (levelVariance <= 0 || newest < 0) {
            return 1;
        }
        double decay = Math.pow(0.5, 1 / halfLifeWindows);
        int oldest = Math.max(0, newest - (int) Math.ceil(HALF_LIVES * halfLifeWindows) + 1);
        double weight = 1;
        double complaints = 0;
        double expected = 0;
        for (int i = newest; i >= oldest; i--) {
            complaints += weight * recent.countAt(i);
            expected += weight * recent.expectedAt(i);
            weight *= decay;
        }
        double prior = 1 / Math.max(levelVariance, MIN_VARIANCE);
        return (prior + complaints) / (prior + expected);
    }
}
