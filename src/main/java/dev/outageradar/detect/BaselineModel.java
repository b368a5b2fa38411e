package dev.outageradar.detect;

/**
 * A model of a service's normal complaint level per window, learned from the stream. Implementations are
 * pure functions over an immutable state record {@code S}, so the state can live in a Kafka Streams store
 * (and its changelog) and the same code runs live, in a backtest and in a unit test.
 *
 * @param <S> the learned state of one service
 */
public interface BaselineModel<S> {

    /** State of a service never seen before. */
    S initial();

    /** Complaints expected in the window starting at {@code windowStartMs}. */
    double expected(S state, long windowStartMs);

    /**
     * Relative variance of {@link #expected} itself, from how little the model has seen yet: added to the
     * rate's noise when a count is judged, so a young model is cautious and a well-fed one is sharp.
     */
    double uncertainty(S state, long windowStartMs);

    /** Whether the state has seen enough windows for its expectation to be trusted. */
    boolean warmedUp(S state);

    /**
     * Whether the model is past its cold start: until then it cannot tell a slow rise from its own
     * ignorance, so it learns every ordinary window at once rather than holding windows back.
     */
    boolean settled(S state);

    /**
     * State after an ordinary window; windows judged anomalous are never passed here.
     *
     * @param rateVariance how much the rate wanders beyond Poisson noise over the detector's longest scale
     *                     (the relative variance c of {@link Dispersion}): a busy service's counts say less
     *                     about its rhythm than their number suggests, since a whole afternoon can be busy
     */
    S learn(S state, long windowStartMs, long count, double rateVariance);
}
