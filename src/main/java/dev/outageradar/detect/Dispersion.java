package dev.outageradar.detect;

import java.util.Arrays;

/**
 * How much a service's rate wanders beyond Poisson noise, per scale: the relative variance c in
 * {@code variance = expected + c·expected²}. Real complaint streams have busy and quiet spells (a news
 * story, a meme, a slow afternoon) that scale with the volume, so a busy service's counts are far noisier
 * than Poisson while a quiet one's are not; and spells that last a while make long spans relatively
 * noisier than a single window predicts, so each scale learns its own c.
 *
 * <p>Estimated by the method of moments over ordinary windows, as a ratio of discounted sums
 * {@code Σ((count - forecast)² - forecast) / Σ forecast²}, which weighs busy windows most, where c is
 * visible at all. While the model of normal is still learning, its errors count as noise too: that keeps
 * a cold start conservative, and as the model improves the estimate follows within its half-life
 * ({@code noiseHalfLife}). The forecast is the one a span is judged against ({@link LocalLevel}), so c is
 * the noise that is left once the current spell is known. A prior of {@link #PRIOR_C} weighing as much as {@link #PRIOR_WEIGHT} expected² keeps a
 * quiet service (whose windows say little about c) at a sensible value. A residual beyond
 * {@link #MAX_SIGMAS} standard deviations is clipped: an unnoticed burst is not the noise.
 *
 * @param excess   per scale, the discounted sum of squared residuals minus the Poisson part
 * @param squares  per scale, the discounted sum of expected²
 */
public record Dispersion(double[] excess, double[] squares) {

    /** 10% relative noise of the rate: a mild prior, soon outweighed on a busy service. */
    static final double PRIOR_C = 0.01;
    static final double PRIOR_WEIGHT = 400;
    static final double MAX_SIGMAS = 5;

    public static Dispersion prior(int scales) {
        double[] excess = new double[scales];
        double[] squares = new double[scales];
        Arrays.fill(excess, PRIOR_C * PRIOR_WEIGHT);
        Arrays.fill(squares, PRIOR_WEIGHT);
        return new Dispersion(excess, squares);
    }

    /** The relative variance of the rate over the {@code scale}-th scale. */
    public double of(int scale) {
        return Math.max(0, excess[scale] / squares[scale]);
    }

    public int scales() {
        return excess.length;
    }

    /**
     * After one more ordinary window, the one at {@code index} of the history.
     *
     * @param decay weight left to the past per window: sets how fast older windows are forgotten
     */
    public Dispersion learn(RecentWindows recent, int index, int[] scaleWindows, LocalLevel level, double decay) {
        double[] nextExcess = excess.clone();
        double[] nextSquares = squares.clone();
        for (int i = 0; i < scaleWindows.length; i++) {
            int span = scaleWindows[i];
            if (index + 1 < span) {
                continue;
            }
            double expected = level.forecast(recent, span, index);
            double variance = expected + of(i) * expected * expected;
            double residual = recent.countOver(span, index) - expected;
            double squared = Math.min(residual * residual, MAX_SIGMAS * MAX_SIGMAS * variance);
            nextExcess[i] = decay * (nextExcess[i] - PRIOR_C * PRIOR_WEIGHT) + PRIOR_C * PRIOR_WEIGHT
                    + squared - expected;
            nextSquares[i] = decay * (nextSquares[i] - PRIOR_WEIGHT) + PRIOR_WEIGHT + expected * expected;
        }
        return new Dispersion(nextExcess, nextSquares);
    }
}
