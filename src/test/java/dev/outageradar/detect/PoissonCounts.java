package dev.outageradar.detect;

import java.util.Random;

/** Poisson counts for the detector's tests: what a service with a steady rate posts in one window. */
final class PoissonCounts {

    private PoissonCounts() {
    }

    /** Exact (Knuth) for small means; above 30 the normal approximation, where exactness costs time. */
    static long draw(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
