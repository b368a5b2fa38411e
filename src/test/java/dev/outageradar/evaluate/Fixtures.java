package dev.outageradar.evaluate;

import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.time.Instant;

/** Labels and detections on one day, 2024-09-30, written as times of day to keep the tables readable. */
final class Fixtures {

    static final Duration WEEK = Duration.ofDays(7);

    private Fixtures() {
    }

    /** {@code "14:05"} or {@code "14:05:30"} on the fixture day, UTC. */
    static Instant at(String timeOfDay) {
        return Instant.parse("2024-09-30T" + (timeOfDay.length() == 5 ? timeOfDay + ":00" : timeOfDay) + "Z");
    }

    static Episode label(String service, Scenario scenario, String from, String to, double magnitude) {
        return new Episode(service, at(from), at(to), scenario, magnitude, null);
    }

    /** An incident opened a minute before it was detected, with an id that names both. */
    static Detection detection(String service, String detectedAt) {
        Instant t = at(detectedAt);
        return new Detection(service, service + "@" + detectedAt, t.minus(Duration.ofMinutes(1)), t);
    }
}
