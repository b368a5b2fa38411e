package dev.outageradar.detect;

import java.util.Arrays;

/**
 * The last windows of a service, newest last: their counts and what was expected in each, so evidence
 * can be summed over any scale up to the longest, and a window can be learned once it is old enough.
 * Started afresh when an incident resolves, so the tail of one incident cannot open the next and no
 * window of it is ever learned.
 */
public record RecentWindows(long[] counts, double[] expected) {

    public static RecentWindows empty() {
        return new RecentWindows(new long[0], new double[0]);
    }

    public int size() {
        return counts.length;
    }

    /** These windows plus one, keeping at most {@code capacity}. */
    public RecentWindows plus(long count, double expectedCount, int capacity) {
        int keep = Math.min(counts.length, capacity - 1);
        long[] c = Arrays.copyOfRange(counts, counts.length - keep, counts.length + 1);
        double[] e = Arrays.copyOfRange(expected, expected.length - keep, expected.length + 1);
        c[keep] = count;
        e[keep] = expectedCount;
        return new RecentWindows(c, e);
    }

    public long countAt(int index) {
        return counts[index];
    }

    public double expectedAt(int index) {
        return expected[index];
    }

    /** Complaints in the newest {@code windows} windows. */
    public long countOver(int windows) {
        return countOver(windows, counts.length - 1);
    }

    public double expectedOver(int windows) {
        return expectedOver(windows, expected.length - 1);
    }

    /** Complaints in the {@code windows} windows that end with the one at {@code last}. */
    public long countOver(int windows, int last) {
        long sum = 0;
        for (int i = last - windows + 1; i <= last; i++) {
            sum += counts[i];
        }
        return sum;
    }

    public double expectedOver(int windows, int last) {
        double sum = 0;
        for (int i = last - windows + 1; i <= last; i++) {
            sum += expected[i];
        }
        return sum;
    }
}
