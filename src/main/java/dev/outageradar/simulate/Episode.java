package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One labelled window of a feed: an outage to be found or a decoy to be ignored. Episodes are both what the
 * simulator plays and the labels it writes, so the truth cannot drift from the feed.
 *
 * @param magnitude a multiplier whose meaning depends on the scenario (see {@code samples/README.md})
 * @param related   the account of a single-account decoy, or the service that is down for a
 *                  competitor-mention decoy; null for other scenarios
 */
public record Episode(String serviceId, Instant start, Instant end, Scenario scenario, double magnitude,
                      String related) {

    public Episode {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(scenario, "scenario");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("episode must end after it starts: " + start + " .. " + end);
        }
    }

    public Scenario.Kind kind() {
        return scenario.kind();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** True when the two windows come closer than {@code gap}. */
    boolean overlaps(Instant otherStart, Instant otherEnd, Duration gap) {
        return otherStart.isBefore(end.plus(gap)) && start.isBefore(otherEnd.plus(gap));
    }

    /** The scenario's shape at {@code t}, 0 outside the window. */
    double intensity(Instant t) {
        return scenario.intensity(Duration.between(start, t), duration());
    }
}
