package dev.outageradar.topology;

/**
 * The event time a detector partition may close windows up to: the minimum of the stream times reported
 * by every posts partition that is not idle. Taking the minimum (as a watermark does) rather than the
 * maximum (Kafka Streams' own stream time) means a partition that is processed later than another, which
 * happens all the time when a feed is replayed at full speed, never finds its posts' windows already
 * closed: the result depends on each partition's order, not on how the partitions interleave.
 *
 * <p>The state is a small immutable value kept in a store, so a restarted task resumes with it.
 *
 * @param times stream time per posts partition, -1 for none yet
 * @param idle  which partitions are idle
 */
record SourceClock(long[] times, boolean[] idle) {

    static SourceClock waitingFor(int partitions) {
        long[] times = new long[partitions];
        java.util.Arrays.fill(times, -1);
        return new SourceClock(times, new boolean[partitions]);
    }

    SourceClock report(int source, long time, boolean idleNow) {
        int size = Math.max(times.length, source + 1);
        long[] newTimes = java.util.Arrays.copyOf(times, size);
        boolean[] newIdle = java.util.Arrays.copyOf(idle, size);
        for (int i = times.length; i < size; i++) {
            newTimes[i] = -1;
        }
        newTimes[source] = Math.max(newTimes[source], time);
        newIdle[source] = idleNow;
        return new SourceClock(newTimes, newIdle);
    }

    /** The closing clock, or -1 while an active partition has not reported yet. */
    long now() {
        long min = Long.MAX_VALUE;
        long max = -1;
        for (int i = 0; i < times.length; i++) {
            max = Math.max(max, times[i]);
            if (!idle[i]) {
                if (times[i] < 0) {
                    return -1;
                }
                min = Math.min(min, times[i]);
            }
        }
        return min == Long.MAX_VALUE ? max : min;
    }
}
