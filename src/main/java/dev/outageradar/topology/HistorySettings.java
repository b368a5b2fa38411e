package dev.outageradar.topology;

import java.time.Duration;

/**
 * How long the detector's history is kept for the query API and the dashboard, in event time.
 *
 * @param windowRetention   judged windows (count, expected level, threshold) are kept this long after
 *                          the newest one: the dashboard's chart spans 24 hours, so a little more than that
 * @param incidentRetention a resolved incident is kept this long after it was resolved; an open one is
 *                          kept until it resolves
 */
public record HistorySettings(Duration windowRetention, Duration incidentRetention) {

    public static final Duration DEFAULT_WINDOW_RETENTION = Duration.ofHours(25);
    public static final Duration DEFAULT_INCIDENT_RETENTION = Duration.ofDays(7);

    public HistorySettings {
        if (windowRetention.isNegative() || windowRetention.isZero()) {
            throw new IllegalArgumentException("window history retention must be positive");
        }
        if (incidentRetention.isNegative() || incidentRetention.isZero()) {
            throw new IllegalArgumentException("incident history retention must be positive");
        }
    }

    public static HistorySettings defaults() {
        return new HistorySettings(DEFAULT_WINDOW_RETENTION, DEFAULT_INCIDENT_RETENTION);
    }
}
