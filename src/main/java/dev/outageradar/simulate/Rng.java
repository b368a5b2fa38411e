package dev.outageradar.simulate;

import java.util.List;

/**
 * The simulator's only source of randomness: SplitMix64, written out here rather than taken from the JDK
 * so that a seed yields the same feed on every JDK release (the committed demo feed depends on that).
 * Not thread-safe; one instance per simulation.
 */
final class Rng {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) Math.floor(nextDouble() * bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    double uniform(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    /** Uniform on a log scale: as likely to land in 2..4 as in 50..100. */
    double logUniform(double min, double max) {
        return Math.exp(uniform(Math.log(min), Math.log(max)));
    }

    /** Standard normal by Box-Muller (one value per call keeps the stream of draws simple to reason about). */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A Poisson count: exact for small means, the normal approximation above 30 where exactness costs time. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = nextDouble();
        int count = 0;
        while (product > limit) {
            product *= nextDouble();
            count++;
        }
        return count;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
