package dev.outageradar.topology;

import dev.outageradar.detect.DetectorSettings;
import java.time.Duration;
import java.util.Map;

/**
 * What the topology needs to know, and nothing about how to reach Kafka: the live app, the offline
 * backtest and the tests build the very same graph from it.
 *
 * @param grace         how long after a window's end late posts are still counted in it
 * @param maxTextLength longer posts go to the dead-letter topic
 * @param maxFutureSkew a post dated further ahead of the time its record reached Kafka goes to the
 *                      dead-letter topic instead of moving event time (see PostTimestampExtractor)
 * @param postsPartitions partitions of the posts topic: windows close only once every one of them has
 *                      reported its progress (or gone idle)
 * @param idleAfter     a posts partition without posts for this long (wall clock) stops holding back
 *                      the closing of windows
 * @param authorHorizon an author counts once per service within this span (event time)
 * @param serviceDetectors per-service detector settings, for the services whose catalog entry overrides
 *                      {@code detector}
 * @param inMemoryStores keep state in memory (with changelogs) instead of RocksDB: for the offline
 *                      backtest, where nothing outlives the run
 * @param history       how long judged windows and incidents are kept for the query API
 */
public record TopologySettings(Topics topics, Duration grace, int maxTextLength, Duration maxFutureSkew,
                               DetectorSettings detector,
                               int postsPartitions, Duration idleAfter, Duration authorHorizon,
                               Map<String, DetectorSettings> serviceDetectors, boolean inMemoryStores,
                               HistorySettings history) {

    public TopologySettings {
        serviceDetectors = Map.copyOf(serviceDetectors);
        if (authorHorizon.isNegative() || authorHorizon.isZero()) {
            throw new IllegalArgumentException("author horizon must be positive");
        }
        if (maxFutureSkew.isNegative() || maxFutureSkew.isZero()) {
            throw new IllegalArgumentException("max future skew must be positive");
        }
        if (history.windowRetention().compareTo(detector.windowSize()) < 0) {
            throw new IllegalArgumentException("window history retention must be at least one window");
        }
    }

    /** Event-time step at which posts partitions report progress: bounds how late a window closes. */
    public Duration tickInterval() {
        Duration tenSeconds = Duration.ofSeconds(10);
        return windowSize().compareTo(tenSeconds) < 0 ? windowSize() : tenSeconds;
    }

    public TopologySettings withPostsPartitions(int partitions) {
        return new TopologySettings(topics, grace, maxTextLength, maxFutureSkew, detector, partitions, idleAfter, authorHorizon,
                serviceDetectors, inMemoryStores, history);
    }

    public TopologySettings withTopics(Topics newTopics) {
        return new TopologySettings(newTopics, grace, maxTextLength, maxFutureSkew, detector, postsPartitions, idleAfter, authorHorizon,
                serviceDetectors, inMemoryStores, history);
    }

    public TopologySettings withServiceDetectors(Map<String, DetectorSettings> perService) {
        return new TopologySettings(topics, grace, maxTextLength, maxFutureSkew, detector, postsPartitions, idleAfter, authorHorizon,
                perService, inMemoryStores, history);
    }

    public TopologySettings withIdleAfter(Duration newIdleAfter) {
        return new TopologySettings(topics, grace, maxTextLength, maxFutureSkew, detector, postsPartitions, newIdleAfter, authorHorizon,
                serviceDetectors, inMemoryStores, history);
    }

    public TopologySettings withInMemoryStores() {
        return new TopologySettings(topics, grace, maxTextLength, maxFutureSkew, detector, postsPartitions, idleAfter, authorHorizon,
                serviceDetectors, true, history);
    }

    public Duration windowSize() {
        return detector.windowSize();
    }

    public static TopologySettings defaults() {
        return new TopologySettings(Topics.defaults(), Duration.ofSeconds(30), 4_000, Duration.ofMinutes(5),
                DetectorSettings.defaults(Duration.ofMinutes(1)), 1, Duration.ofSeconds(30), Duration.ofHours(1),
                Map.of(), false, HistorySettings.defaults());
    }

    public TopologySettings withHistory(HistorySettings newHistory) {
        return new TopologySettings(topics, grace, maxTextLength, maxFutureSkew, detector, postsPartitions, idleAfter,
                authorHorizon, serviceDetectors, inMemoryStores, newHistory);
    }
}
