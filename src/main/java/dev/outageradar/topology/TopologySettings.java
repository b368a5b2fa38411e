package dev.outageradar.topology;

import dev.outageradar.detect.DetectorSettings;
import java.time.Duration;

/**
 * What the topology needs to know, and nothing about how to reach Kafka: the live app, the offline
 * backtest and the tests build the very same graph from it.
 *
 * @param grace         how long after a window's end late posts are still counted in it
 * @param maxTextLength longer posts go to the dead-letter topic
 * @param postsPartitions partitions of the posts topic: windows close only once every one of them has
 *                      reported its progress (or gone idle)
 * @param idleAfter     a posts partition without posts for this long (wall clock) stops holding back
 *                      the closing of windows
 */
public record TopologySettings(Topics topics, Duration grace, int maxTextLength, DetectorSettings detector,
                               int postsPartitions, Duration idleAfter) {

    /** Event-time step at which posts partitions report progress: bounds how late a window closes. */
    public Duration tickInterval() {
        Duration tenSeconds = Duration.ofSeconds(10);
        return windowSize().compareTo(tenSeconds) < 0 ? windowSize() : tenSeconds;
    }

    public TopologySettings withPostsPartitions(int partitions) {
        return new TopologySettings(topics, grace, maxTextLength, detector, partitions, idleAfter);
    }

    public Duration windowSize() {
        return detector.windowSize();
    }

    public static TopologySettings defaults() {
        return new TopologySettings(Topics.defaults(), Duration.ofSeconds(30), 4_000,
                DetectorSettings.defaults(Duration.ofMinutes(1)), 1, Duration.ofSeconds(30));
    }
}
