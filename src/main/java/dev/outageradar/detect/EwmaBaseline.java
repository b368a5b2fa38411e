package dev.outageradar.detect;

/**
 * Exponentially weighted mean of the count per window, with a bias-corrected start: until the history is
 * as long as the half-life, every window seen weighs the same (a plain average), so a fresh service is not
 * compared with an artificial zero. It follows slow growth or decline at the pace of its half-life.
 *
 * <p>It has no daily or weekly rhythm; {@link BaselineModel} lets a seasonal model replace it.
 */
public final class EwmaBaseline implements BaselineModel<EwmaBaseline.State> {

    /** @param windows ordinary windows learned so far */
    public record State(double mean, long windows) {
    }

    private final double alpha;
    private final long warmupWindows;

    /**
     * @param halfLifeWindows windows after which an observation weighs half as much
     * @param warmupWindows   windows to learn before any window can be judged anomalous
     */
    public EwmaBaseline(double halfLifeWindows, long warmupWindows) {
        if (!(halfLifeWindows > 0) || warmupWindows < 0) {
            throw new IllegalArgumentException("half-life must be positive and warm-up not negative");
        }
        this.alpha = 1 - Math.pow(0.5, 1 / halfLifeWindows);
        this.warmupWindows = warmupWindows;
    }

    @Override
    public State initial() {
        return new State(0, 0);
    }

    @Override
    public double expected(State state, long windowStartMs) {
        return state.mean();
    }

    @Override
    public boolean warmedUp(State state) {
        return state.windows() >= warmupWindows;
    }

    @Override
    public State learn(State state, long windowStartMs, long count) {
        long windows = state.windows() + 1;
        double weight = Math.max(alpha, 1.0 / windows);
        return new State(state.mean() + weight * (count - state.mean()), windows);
    }
}
