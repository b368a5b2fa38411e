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

    /** Whether the state has seen enough windows for its expectation to be trusted. */
    boolean warmedUp(S state);

    /**
     * Whether the model is past its cold start: until then it cannot tell a slow rise from its own
     * ignorance, so it learns every ordinary window at once rather than holding windows back.
     */
    boolean settled(S state);

    /** State after an ordinary window; windows judged anomalous are never passed here. */
    S learn(S state, long windowStartMs, long count);
}
