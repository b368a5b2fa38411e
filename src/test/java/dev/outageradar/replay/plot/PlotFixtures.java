package dev.outageradar.replay.plot;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One day, 2024-09-30 UTC, of one-minute windows. Steam has a normal day at 10 complaints a minute and a
 * critical outage from 14:00 to 14:40 that peaks at 1,000 at 14:05; spotify complains more, evenly, and
 * has no incident.
 */
final class PlotFixtures {

    static final Instant DAY = Instant.parse("2024-09-30T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final String STEAM_OUTAGE = "steam-0930-1400";

    private PlotFixtures() {
    }

    /** {@code "14:05"} on the fixture day; {@code "24:00"} is its end. */
    static Instant at(String timeOfDay) {
        String[] hm = timeOfDay.split(":");
        return DAY.plus(Duration.ofHours(Integer.parseInt(hm[0])).plusMinutes(Integer.parseInt(hm[1])));
    }

    static ServiceCount window(String service, Instant start, long count, double expected, long threshold) {
        return new ServiceCount(ServiceCount.SCHEMA_VERSION, service, start, start.plus(MINUTE), count, 0, expected,
                threshold, 0, false, null);
    }

    /** Steam's day and spotify's, with steam's incident, fed in event-time order. */
    static PlotData steamOutageDay() {
        PlotData data = new PlotData();
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant start = DAY.plus(MINUTE.multipliedBy(minute));
            data.addCount(window("steam", start, steamAt(start), 10, 30));
            data.addCount(window("spotify", start, 40, 40, 90));
            if (start.equals(at("14:00"))) {
                data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, STEAM_OUTAGE, "steam", "14:00", "14:00",
                        Severity.MAJOR, 300));
            } else if (start.equals(at("14:05"))) {
                data.addAlert(alert(IncidentEventType.OUTAGE_UPDATED, STEAM_OUTAGE, "steam", "14:00", "14:05",
                        Severity.CRITICAL, 1_000));
            } else if (start.equals(at("14:39"))) {
                data.addAlert(alert(IncidentEventType.OUTAGE_RESOLVED, STEAM_OUTAGE, "steam", "14:00", "14:39",
                        Severity.MINOR, 1_000));
            }
        }
        return data;
    }

    private static long steamAt(Instant start) {
        if (start.equals(at("14:05"))) {
            return 1_000;
        }
        boolean outage = !start.isBefore(at("14:00")) && start.isBefore(at("14:40"));
        return outage ? 300 : 10;
    }

    /** An alert about the one-minute window starting at {@code window}, of an incident opened at {@code opened}. */
    static AlertEvent alert(IncidentEventType type, String id, String service, String opened, String window,
                            Severity severity, long peak) {
        Instant start = at(window);
        return new AlertEvent(AlertEvent.SCHEMA_VERSION, type, id, 1, service, start, start.plus(MINUTE), peak, 10,
                9.9, peak / 10.0, severity, at(opened), peak, Duration.between(at(opened), start).toSeconds(),
                start.plus(MINUTE), List.of(), List.of(), 60, peak, 10);
    }
}
