package dev.outageradar.replay.plot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One service's windows in a fixed number of buckets, however long the feed: buckets start one window
 * wide and double in width (neighbours merged pairwise) whenever the next window would fall past the last.
 * A bucket keeps its busiest window, not the average, because the picture is about spikes: averaging a
 * one-minute outage into a two-hour bucket would make it vanish.
 */
final class SeriesBuckets {

    private final long[] counts;
    private final double[] expected;
    private final long[] thresholds;
    private final boolean[] seen;
    private long origin;
    private long width;

    /** @param capacity at most this many buckets; even, so pairs merge cleanly */
    SeriesBuckets(int capacity) {
        counts = new long[capacity];
        expected = new double[capacity];
        thresholds = new long[capacity];
        seen = new boolean[capacity];
    }

    /** Windows come in event-time order; one earlier than the first is put in the first bucket. */
    void add(Instant windowStart, Instant windowEnd, long count, double expect, long threshold) {
        long start = windowStart.toEpochMilli();
        if (width == 0) {
            origin = start;
            width = Math.max(1, windowEnd.toEpochMilli() - start);
        }
        long index = Math.max(0, Math.floorDiv(start - origin, width));
        while (index >= counts.length) {
            mergePairs();
            index = Math.floorDiv(start - origin, width);
        }
        put((int) index, count, expect, threshold);
    }

    List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (seen[i]) {
                Instant start = Instant.ofEpochMilli(origin + i * width);
                out.add(new Bucket(start, start.plusMillis(width), counts[i], expected[i], thresholds[i]));
            }
        }
        return out;
    }

    private void put(int i, long count, double expect, long threshold) {
        if (!seen[i] || count > counts[i]) {
            seen[i] = true;
            counts[i] = count;
            expected[i] = expect;
            thresholds[i] = threshold;
        }
    }

    private void mergePairs() {
        int half = counts.length / 2;
        for (int i = 0; i < half; i++) {
            int busier = seen[2 * i + 1] && (!seen[2 * i] || counts[2 * i + 1] > counts[2 * i]) ? 2 * i + 1 : 2 * i;
            seen[i] = seen[busier];
            counts[i] = counts[busier];
            expected[i] = expected[busier];
            thresholds[i] = thresholds[busier];
        }
        Arrays.fill(seen, half, seen.length, false);
        width *= 2;
    }
}
