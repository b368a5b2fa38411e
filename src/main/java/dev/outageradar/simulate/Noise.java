package dev.outageradar.simulate;

/**
 * Over-dispersion: real counts vary more than Poisson because whole stretches are busier or quieter. A
 * multiplier with mean 1 whose logarithm drifts as an AR(1) process with a half-hour memory, so busy spells
 * last a while instead of flickering minute to minute.
 */
final class Noise {

    private static final double SIGMA = 0.25;
    private static final double PERSISTENCE = Math.exp(-1.0 / 30);
    private static final double INNOVATION = Math.sqrt(1 - PERSISTENCE * PERSISTENCE) * SIGMA;

    private double log;

    Noise(Rng rng) {
        this.log = SIGMA * rng.gaussian();
    }

    /** The multiplier for the next minute. */
    double next(Rng rng) {
        log = PERSISTENCE * log + INNOVATION * rng.gaussian();
        return Math.exp(log - SIGMA * SIGMA / 2);
    }
}
