package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small hand-made plans for the specifications: one week, a few services, the episodes under test. */
final class Plans {

    static final Instant MONDAY = Instant.parse("2024-09-02T00:00:00Z");
    static final double PER_MINUTE = 24 * 60;

    private Plans() {
    }

    static SimulatedService service(String id, double complaintsPerDay, double mentionsPerDay) {
        return new SimulatedService(KnownServices.require(id), complaintsPerDay, mentionsPerDay);
    }

    static SimulationPlan week(List<SimulatedService> services, List<Episode> episodes) {
        return new SimulationPlan(MONDAY, MONDAY.plus(Duration.ofDays(7)), services, episodes, List.of(), 7L, 0.0,
                SimulationPlan.DEFAULT_MAX_DISORDER);
    }

    /** Thursday of the test week at the given UTC time, e.g. "18:00". */
    static Instant thursday(String time) {
        return Instant.parse("2024-09-05T" + time + ":00Z");
    }
}
