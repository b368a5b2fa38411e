package dev.outageradar.evaluate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100 × n),
 * counting from 1. Always one of the observed values, never an interpolation, so a reported delay is a delay
 * that really happened; with two values the median is the smaller one.
 */
final class NearestRank {

    private NearestRank() {
    }

    /** Empty when there are no values; {@code percent} is in 1..100. */
    static Optional<Duration> of(List<Duration> values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in 1..100, got " + percent);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (percent * sorted.size() + 99) / 100;
        return Optional.of(sorted.get(rank - 1));
    }
}
